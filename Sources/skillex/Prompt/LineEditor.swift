import Foundation

/// The terminal state to restore when a signal ends the process during a raw-mode read.
nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var terminalIsRaw = false

/// Ctrl-C (or Ctrl-D on an empty line) at a question.
struct PromptCancelled: Error {}

/// Reads one answer at a time from a terminal in raw mode, redrawing the line on every key so
/// a hint (such as why a skill name breaks the spec) follows what is typed. The terminal mode
/// is restored after each answer, on Ctrl-C, and on SIGINT/SIGTERM/SIGHUP.
struct LineEditor {
    let input: Int32 = 0
    let output: Int32 = 1

    /// Installs handlers that put the terminal back and exit 130 when a signal arrives.
    static func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { _ in
                if terminalIsRaw { tcsetattr(0, TCSANOW, &savedTerminal) }
                _exit(130)
            }
        }
    }

    /// Asks `prompt` and returns the answer once `check` accepts it (nil); `hint` is shown
    /// after the text while typing. Enter on an empty line answers `defaultValue`.
    func ask(
        _ prompt: String, defaultValue: String = "", shownDefault: String? = nil, hint: (String) -> String? = { _ in nil },
        check: (String) -> String? = { _ in nil }
    ) throws(PromptCancelled) -> String {
        let shown = shownDefault ?? defaultValue
        let label = shown.isEmpty ? "\(prompt): " : "\(prompt) [\(shown)]: "
        var bytes: [UInt8] = []
        try withRawMode { () throws(PromptCancelled) in
            redraw(label, bytes, hint)
            while true {
                var byte: UInt8 = 0
                let count = read(input, &byte, 1)
                if count <= 0 { throw PromptCancelled() }
                switch byte {
                case 3: throw PromptCancelled()
                case 4: if bytes.isEmpty { throw PromptCancelled() }
                case 13, 10:
                    let answer = Self.trimmed(bytes).isEmpty ? defaultValue : Self.trimmed(bytes)
                    if let problem = check(answer) {
                        write("\r\u{1B}[K" + label + String(decoding: bytes, as: UTF8.self) + "\n")
                        write(Terminal.paint("  ✗ \(problem)", "31") + "\n")
                        redraw(label, bytes, hint)
                        continue
                    }
                    write("\r\u{1B}[K" + label + answer + "\n")
                    return
                case 127, 8:
                    while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                case 21: bytes.removeAll()
                case 27: skipEscapeSequence()
                default:
                    if byte >= 0x20 { bytes.append(byte) }
                }
                redraw(label, bytes, hint)
            }
        }
        let text = Self.trimmed(bytes)
        return text.isEmpty ? defaultValue : text
    }

    /// A yes/no question; Enter answers `defaultYes`.
    func confirm(_ prompt: String, defaultYes: Bool) throws(PromptCancelled) -> Bool {
        let answer = try ask(
            prompt, defaultValue: defaultYes ? "y" : "n", shownDefault: defaultYes ? "Y/n" : "y/N",
            check: { ["y", "yes", "n", "no"].contains($0.lowercased()) ? nil : "answer y or n" })
        return answer.lowercased().hasPrefix("y")
    }

    /// Writes `text` to the terminal as is.
    func write(_ text: String) {
        let data = Array(text.utf8)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(output, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private func redraw(_ label: String, _ bytes: [UInt8], _ hint: (String) -> String?) {
        let text = String(decoding: bytes, as: UTF8.self)
        var line = "\r\u{1B}[K" + label + text
        if let note = hint(Self.trimmed(bytes)), !note.isEmpty {
            let room = columns() - label.count - text.count - 3
            if room > 8 {
                let shown = note.count > room ? String(note.prefix(room - 1)) + "…" : note
                line += "  " + Terminal.paint(shown, "2") + "\u{1B}[\(shown.count + 2)D"
            }
        }
        write(line)
    }

    private func columns() -> Int {
        var size = winsize()
        return ioctl(output, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    private func skipEscapeSequence() {
        var byte: UInt8 = 0
        guard read(input, &byte, 1) == 1, byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") else { return }
        while read(input, &byte, 1) == 1, !(0x40...0x7E).contains(byte) {}
    }

    private func withRawMode(_ body: () throws(PromptCancelled) -> Void) throws(PromptCancelled) {
        var original = termios()
        guard tcgetattr(input, &original) == 0 else { return try body() }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON)
        savedTerminal = original
        terminalIsRaw = true
        tcsetattr(input, TCSANOW, &raw)
        defer {
            tcsetattr(input, TCSANOW, &original)
            terminalIsRaw = false
        }
        do { try body() } catch {
            write("^C\n")
            throw error
        }
    }

    private static func trimmed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
