import ArgumentParser
import Foundation

/// `skillex score --format`: the two common formats plus the CI ones.
enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
    case githubChecks = "github-checks"

    /// The format to use when the user gave none: `SKILLEX_FORMAT` if set (the cookbook runs
    /// commands with `text`), else json when stdout is piped.
    static func resolve(_ explicit: ScoreFormat?) -> ScoreFormat {
        if let explicit { return explicit }
        if let name = ProcessInfo.processInfo.environment["SKILLEX_FORMAT"], let chosen = ScoreFormat(rawValue: name) {
            return chosen
        }
        return Terminal.stdoutIsTerminal ? .text : .json
    }
}
