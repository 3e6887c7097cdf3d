import Foundation
import SkillEx

/// Facts about the terminal (whether to colour) and the only writers of text to stdout and
/// stderr: every line goes through `TerminalText.escape`, so a control character, escape
/// sequence or bidirectional override in a skill's name, a description, a validator's output or
/// an event field is printed visibly instead of driving the terminal.
enum Terminal {
    /// True when `fd` is a terminal.
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isInteractive(1) }

    /// Colour on `fd` only on a terminal and only when `NO_COLOR` is unset.
    static func usesColor(_ fd: Int32 = 1) -> Bool {
        isInteractive(fd) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a line to stdout, escaped.
    static func out(_ text: String) {
        write(text + "\n")
    }

    /// Writes `text` (line feeds included) to stdout, escaped.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.escape(text, keepingColours: usesColor(1)).utf8))
    }

    /// Writes JSON text to stdout with DEL, C1 and bidirectional controls as `\uNNNN`.
    static func writeJSON(_ data: Data) {
        let escaped = data.withUnsafeBytes { raw in TerminalText.escapeJSON(bytes: raw.bindMemory(to: UInt8.self)) }
        FileHandle.standardOutput.write(escaped.map { Data($0) } ?? data)
    }

    /// Writes a line to stderr, escaped, clearing and redrawing any progress line around it.
    static func err(_ text: String) {
        StatusLine.shared.printLine(TerminalText.escape(text, keepingColours: usesColor(2)))
    }

    /// `text` in ANSI SGR `code` (e.g. "31" red) when colour is on for `fd`.
    static func paint(_ text: String, _ code: String, fd: Int32 = 1) -> String {
        usesColor(fd) ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
