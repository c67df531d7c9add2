"""Runs the real aws CLI (v1) and boto3 scripts for tests, each in a fork of one interpreter that imported them once.

A fresh `aws` process spends ~0.85 s of CPU importing awscli and botocore, parsing the same model files and listing
botocore's 400 data directories (`python3 -c` with boto3: ~0.4 s); a fork of this server starts with the modules
imported and the files the earlier commands read already parsed, then does exactly what `aws ARGS...` does (runs
the aws script with runpy) or what `python3 -c SCRIPT ARGS...` does, with the caller's argv, environment, working
directory and stdin/stdout/stderr (received over the socket), and reports the exit status: ~0.2 s. Nothing a
command does reaches the next one: every command runs in its own fork of the server, which never runs one itself.

    python3 client-fork-server.py SOCKET AWS_SCRIPT

Protocol (client-fork-request.py): the client sends a 4-byte big-endian length with its fds 0, 1, 2 attached
(SCM_RIGHTS), then that many bytes: cwd NUL program NUL argc NUL args... NUL KEY=VALUE..., where program is `aws`
or `python` (args then start with -c SCRIPT); the fork answers with a 4-byte big-endian exit status once the
command's output is flushed.
"""
import atexit
import gc
import os
import random
import select
import signal
import socket
import struct
import sys
import types

SOCKET_PATH, AWS_SCRIPT = sys.argv[1], sys.argv[2]
PARENT = os.getppid()

# Everything a command imports (measured: these two pull in all of awscli and botocore that commands use).
sys.argv = [AWS_SCRIPT]
import awscli  # noqa: E402
import awscli.clidriver  # noqa: E402,F401
import awscli.handlers  # noqa: E402,F401
import botocore.loaders as loaders  # noqa: E402
import pkgutil  # noqa: E402,F401
import runpy  # noqa: E402

try:
    import boto3  # noqa: E402,F401
except ImportError:
    pass

AWSCLI_DATA = os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), 'data')

# ---------------------------------------------------------------------------------------------------------------
# Data a fork finds already read. After each command the fork reports the JSON files it parsed and the service
# listings it made; the server reads them once, and later forks take them instead of reading them again. A file is
# used only while its mtime and size are unchanged, and each fork takes each parsed file at most once (a second
# read in the same command parses the file again, as a fresh process would), so no command sees another's objects.

FILES = {}  # path -> (stat key, parsed JSON)
LISTINGS = {}  # (search locations, type name) -> (stat keys of the locations, services)
READ = []  # what this fork read itself (`file<TAB>ext<TAB>path`, `list<TAB>type<TAB>locations...`), for the server
_load_file = loaders.JSONFileLoader._load_file
_list_available_services = loaders.Loader.list_available_services


def stat_key(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return None


def load_file(self, full_path, open_method):
    entry = FILES.pop(full_path, None)
    if entry is not None and entry[0] == stat_key(full_path):
        return entry[1]
    data = _load_file(self, full_path, open_method)
    ext = next((ext for ext, method in loaders._JSON_OPEN_METHODS.items() if method is open_method), None)
    if data is not None and ext is not None:
        READ.append('\t'.join(('file', ext, full_path)))
    return data


def list_available_services(self, type_name):
    locations = tuple(self._potential_locations())
    entry = LISTINGS.get((locations, type_name))
    if entry is not None and entry[0] == tuple(stat_key(p) for p in locations):
        return list(entry[1])
    READ.append('\t'.join(('list', type_name, *locations)))
    return _list_available_services(self, type_name)


loaders.JSONFileLoader._load_file = load_file
# Cached per Loader like the method it replaces.
loaders.Loader.list_available_services = loaders.instance_cache(list_available_services)


def learn(report):
    """Reads (in the server) what a fork reported having read itself."""
    for line in filter(None, report.split('\n')):
        kind, name, *rest = line.split('\t')
        if kind == 'list' and (tuple(rest), name) not in LISTINGS:
            loader = loaders.Loader(extra_search_paths=rest, include_default_search_paths=False)
            LISTINGS[(tuple(rest), name)] = (tuple(stat_key(p) for p in rest), _list_available_services(loader, name))
        elif kind == 'file' and rest[0] not in FILES and name in loaders._JSON_OPEN_METHODS:
            key = stat_key(rest[0])
            data = _load_file(None, rest[0], loaders._JSON_OPEN_METHODS[name])
            if data is not None:
                FILES[rest[0]] = (key, data)
    gc.freeze()  # out of the collector's view: a fork's collections do not touch (and copy) these pages


# ---------------------------------------------------------------------------------------------------------------
# One command, in a fork


def read_exactly(conn, n, first=b''):
    data = first
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError('client went away')
        data += chunk
    return data


def set_environment(pairs):
    os.environ.clear()
    for pair in pairs:
        key, _, value = pair.partition('=')
        os.environ[key] = value
    # What `import awscli` does to the environment of a fresh process (awscli/__init__.py), redone for this one.
    paths = []
    if 'AWS_DATA_PATH' in os.environ:
        for path in os.environ['AWS_DATA_PATH'].split(os.pathsep):
            paths.append(os.path.expanduser(os.path.expandvars(path)))
    paths.append(AWSCLI_DATA)
    os.environ['AWS_DATA_PATH'] = os.pathsep.join(paths)


def exit_status(code):
    """The status `sys.exit(code)` gives a process."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def run_program(program, args):
    if program == 'aws':
        # As `aws ARGS...`: the script is __main__, its directory first on sys.path.
        sys.argv = [AWS_SCRIPT, *args]
        sys.path[0] = os.path.dirname(AWS_SCRIPT)
        runpy.run_path(AWS_SCRIPT, run_name='__main__')
    elif program == 'python' and args[:1] == ['-c'] and len(args) > 1:
        # As `python3 -c SCRIPT ARGS...`: a fresh __main__, the working directory first on sys.path.
        sys.argv = ['-c', *args[2:]]
        sys.path[0] = ''
        main = types.ModuleType('__main__')
        sys.modules['__main__'] = main
        exec(compile(args[1], '<string>', 'exec'), main.__dict__)
    else:
        raise SystemExit('client-fork-server: cannot run %s %s' % (program, ' '.join(args[:1])))


def run_command(conn):
    header, fds, _, _ = socket.recv_fds(conn, 4, 3)
    if len(fds) != 3:
        raise EOFError('no stdio fds')
    (length,) = struct.unpack('!I', read_exactly(conn, 4, header))
    parts = [os.fsdecode(p) for p in read_exactly(conn, length).split(b'\0')]
    cwd, program, argc = parts[0], parts[1], int(parts[2])
    args, env = parts[3 : 3 + argc], parts[3 + argc :]
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    random.seed()  # a fresh process's own random state, not the server's
    os.chdir(cwd)
    set_environment(env)
    try:
        run_program(program, args)
        status = 0
    except SystemExit as done:
        status = exit_status(done.code)
    except BaseException as error:
        # As the interpreter reports an uncaught exception: from the program's own frames, not this server's.
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename not in ('<string>', AWS_SCRIPT):
            tb = tb.tb_next
        error = error.with_traceback(tb or error.__traceback__)
        sys.excepthook(type(error), error, error.__traceback__)
        status = 1
    # As at the end of a process: exit handlers, then the buffered output.
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    conn.sendall(struct.pack('!I', status))


def fork_command(conn, server_fds):
    """Runs the command in a fork; returns the read end of the pipe its report arrives on."""
    sys.stdout.flush()
    sys.stderr.flush()
    report, reporter = os.pipe()
    if os.fork() == 0:
        for fd in (report, *server_fds):
            os.close(fd)
        try:
            run_command(conn)
            os.write(reporter, os.fsencode('\n'.join(READ)))
        except BaseException:
            pass
        os._exit(0)
    os.close(reporter)
    conn.close()
    return report


def read_report(fd):
    data = b''
    while chunk := os.read(fd, 65536):
        data += chunk
    os.close(fd)
    return os.fsdecode(data)


def serve():
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forks are reaped by the kernel
    gc.freeze()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(SOCKET_PATH)
    server.listen(64)
    reports = []
    while os.getppid() == PARENT:  # else the test process is gone: so are its commands
        ready, _, _ = select.select([server, *reports], [], [], 1.0)
        for fd in ready:
            if fd is not server:
                reports.remove(fd)
                try:
                    learn(read_report(fd))
                except Exception:
                    pass  # the next forks read those files themselves
        if server in ready:
            conn, _ = server.accept()
            reports.append(fork_command(conn, [server.fileno(), *reports]))
    server.close()
    try:
        os.unlink(SOCKET_PATH)
    except OSError:
        pass


serve()
