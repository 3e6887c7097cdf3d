/// Runs named build steps in order, reporting `[i/n] name` progress through a callback
/// (the library never prints); an error is tagged with its step.
public struct BuildPipeline: Sendable {
    /// The steps, in order.
    public var steps: [BuildStep]

    /// A pipeline of `steps`.
    public init(_ steps: [BuildStep]) { self.steps = steps }

    /// Runs every step; `progress(i, n, name)` is called before each.
    public func run(
        _ context: inout BuildContext, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) async throws(BuildError) -> BuildReport {
        var results: [BuildStepResult] = []
        for (index, step) in steps.enumerated() {
            progress(index + 1, steps.count, step.name)
            do {
                var result = try await step.run(&context)
                PhaseTrace.mark("build.\(step.name)")
                result.step = step.name
                results.append(result)
            } catch {
                throw BuildError(step: step.name, reason: ErrorText.brief(error), completed: results)
            }
        }
        return BuildReport(steps: results)
    }
}

/// What `skillex build` did, step by step.
public struct BuildReport: Sendable, Codable, Equatable {
    /// One result per step, in order.
    public var steps: [BuildStepResult]
    /// True when every step passed.
    public var ok: Bool { steps.allSatisfy(\.ok) }
}

/// A step that could not finish.
public struct BuildError: DescribedError, Equatable {
    /// The step's name.
    public var step: String
    /// The underlying one-line reason.
    public var reason: String
    /// Steps that finished before it.
    public var completed: [BuildStepResult]
    /// `site: <reason>`.
    public var description: String { "\(step): \(reason)" }
}
