import ArgumentParser
import Foundation

/// `--format`: JSON for machines, text for people; JSON is the default when stdout is piped.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// The format to use when the user gave none.
    static func resolve(_ explicit: OutputFormat?) -> OutputFormat {
        explicit ?? (Terminal.stdoutIsTerminal ? .text : .json)
    }
}
