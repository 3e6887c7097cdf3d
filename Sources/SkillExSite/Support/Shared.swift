/// One immutable value behind a reference: closures that capture it retain one object instead
/// of copying (and retaining every field of) a large struct.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
