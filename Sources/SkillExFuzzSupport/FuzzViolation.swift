/// A broken promise found while fuzzing: the parser did not trap, but two paths that must agree
/// did not (for example the flat front-matter fast path and Yams). Harnesses trap on it so
/// libFuzzer saves the input; the corpus tests report it as a failure.
public struct FuzzViolation: Error, CustomStringConvertible, Equatable {
    /// Which harness found it.
    public var harness: String
    /// What disagreed.
    public var detail: String

    /// A violation in `harness`.
    public init(harness: String, detail: String) {
        self.harness = harness
        self.detail = detail
    }

    /// `harness: detail`.
    public var description: String { "\(harness): \(detail)" }
}
