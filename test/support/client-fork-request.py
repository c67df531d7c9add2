"""Runs one command in client-fork-server.py as if it were this process: same argv, environment, working directory
and stdin/stdout/stderr; exits with the command's status. Run with `python3 -S -E` (stdlib only, quick).

    python3 -S -E client-fork-request.py SOCKET SERVER-PID aws [aws arguments...]
    python3 -S -E client-fork-request.py SOCKET SERVER-PID python -c SCRIPT [arguments...]

Exits 200 with a line on stderr when no server answers (it failed to start, or exited), so the caller can run
the aws CLI itself instead.
"""
import os
import socket
import struct
import sys
import time

UNAVAILABLE = 200


def alive(pid):
    # A server that exited stays a zombie while its parent (blocked waiting for this client) cannot reap it.
    if os.path.exists('/proc/self/stat'):
        try:
            with open('/proc/%d/stat' % pid) as stat:
                return stat.read().rpartition(')')[2].split()[0] != 'Z'
        except OSError:
            return False
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def connect(path, pid, seconds):
    # The server binds its socket once awscli is imported: the first command may wait for it, as long as it runs.
    deadline = time.monotonic() + seconds
    while True:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(path)
            return conn
        except (FileNotFoundError, ConnectionRefusedError):
            conn.close()
            if time.monotonic() > deadline or not alive(pid):
                return None
            time.sleep(0.01)


def main():
    path, pid, program, args = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    conn = connect(path, pid, 30) if hasattr(socket, 'send_fds') else None
    if conn is None:
        sys.stderr.write('client-fork-request: no server at %s\n' % path)
        return UNAVAILABLE
    env = [os.fsencode(k) + b'=' + os.fsencode(v) for k, v in os.environ.items()]
    head = [os.fsencode(os.getcwd()), os.fsencode(program), str(len(args)).encode()]
    payload = b'\0'.join([*head, *map(os.fsencode, args), *env])
    socket.send_fds(conn, [struct.pack('!I', len(payload))], [0, 1, 2])
    conn.sendall(payload)
    status = b''
    while len(status) < 4:
        chunk = conn.recv(4 - len(status))
        if not chunk:
            sys.stderr.write('client-fork-request: the command ended without a status\n')
            return 1
        status += chunk
    return struct.unpack('!I', status)[0]


sys.exit(main())
