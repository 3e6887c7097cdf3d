/// One command of a cookbook walkthrough and the output it printed when the site was built.
public struct RecordedCommand: Sendable, Equatable {
    /// The command line as the page shows it (`skillex sync`).
    public var command: String
    /// Its output as the page shows it (workspace paths made relative, no trailing newline).
    public var output: String

    /// A command and its output.
    public init(command: String, output: String) {
        self.command = command
        self.output = output
    }

    /// What a terminal showed for `commands`: each `$ command` line followed by its output,
    /// every line ending in a newline. The screencast plays exactly this text.
    public static func transcript(_ commands: [RecordedCommand]) -> String {
        var text = ""
        for item in commands {
            text += "$ " + item.command + "\n"
            if !item.output.isEmpty { text += item.output + "\n" }
        }
        return text
    }
}
