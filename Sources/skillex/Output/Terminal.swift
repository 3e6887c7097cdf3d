import Foundation

/// Facts about the terminal: whether to colour, and writing to stdout/stderr.
enum Terminal {
    /// True when `fd` is a terminal.
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isInteractive(1) }

    /// Colour on `fd` only on a terminal and only when `NO_COLOR` is unset.
    static func usesColor(_ fd: Int32 = 1) -> Bool {
        isInteractive(fd) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a line to stdout.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a line to stderr.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `text` in ANSI SGR `code` (e.g. "31" red) when colour is on for `fd`.
    static func paint(_ text: String, _ code: String, fd: Int32 = 1) -> String {
        usesColor(fd) ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
