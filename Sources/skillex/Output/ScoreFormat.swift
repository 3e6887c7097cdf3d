import ArgumentParser

/// `skillex score --format`: the two common formats plus the CI ones.
enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
    case githubChecks = "github-checks"

    /// The format to use when the user gave none (json when stdout is piped).
    static func resolve(_ explicit: ScoreFormat?) -> ScoreFormat {
        explicit ?? (Terminal.stdoutIsTerminal ? .text : .json)
    }
}
