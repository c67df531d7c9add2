//! (service, operation) -> definition; app.ts fills it from services/*/index.ts so dispatch never imports services.
import type { OperationDefinition, ServiceDefinition } from './operation.js'

export class OperationRegistry {
  private readonly services = new Map<string, ServiceDefinition>()

  register(definition: ServiceDefinition): void {
    this.services.set(definition.service, definition)
  }

  service(name: string): ServiceDefinition | undefined {
    return this.services.get(name)
  }

  operation(service: string, operation: string): OperationDefinition | undefined {
    return this.services.get(service)?.operations[operation]
  }

  /** Every implemented operation, for docs/coverage.md and the authorization-declaration test. */
  list(): Array<{ service: string; operation: string }> {
    return [...this.services.values()].flatMap((s) => Object.keys(s.operations).map((operation) => ({ service: s.service, operation })))
  }
}
