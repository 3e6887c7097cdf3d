import ArgumentParser
import Foundation

/// `--format`: JSON for machines, text for people; JSON is the default when stdout is piped.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// The format to use when the user gave none: `SKILLEX_FORMAT` if set (the cookbook runs
    /// commands with `text` so pages show what a person sees), else by whether stdout is a terminal.
    static func resolve(_ explicit: OutputFormat?) -> OutputFormat {
        if let explicit { return explicit }
        if let name = ProcessInfo.processInfo.environment["SKILLEX_FORMAT"], let chosen = OutputFormat(rawValue: name) {
            return chosen
        }
        return Terminal.stdoutIsTerminal ? .text : .json
    }
}
