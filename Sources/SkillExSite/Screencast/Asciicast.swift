/// A terminal recording in the asciicast v2 format: a header line, then one `[time, "o", text]`
/// line per output event. Timings are made up from the text, never from the wall clock, so the
/// same walkthrough always gives the same bytes.
public struct Asciicast: Sendable, Equatable {
    /// One output event: when it happens (milliseconds from the start) and what it prints.
    public struct Event: Sendable, Equatable {
        /// Milliseconds from the start of the recording.
        public var milliseconds: Int
        /// The text written to the terminal (`\r\n` line ends).
        public var text: String
    }

    /// Terminal columns.
    public var width = 100
    /// Terminal rows.
    public var height = 30
    /// Seconds since 1970 of the recording (the build clock).
    public var timestamp: Int
    /// Shown by players.
    public var title: String
    /// Output events, in time order.
    public var events: [Event] = []

    /// Delay before the first prompt, per typed character, before Enter, and after a command's output.
    static let (startDelay, keyDelay, enterDelay, pauseDelay) = (500, 45, 350, 900)

    /// The recording of `commands` typed at a `$ ` prompt, each followed by its output line by line.
    /// A line's delay grows with its length (output looks like it streams), capped so long
    /// listings stay watchable.
    public static func walkthrough(_ commands: [RecordedCommand], title: String, timestamp: Int) -> Asciicast {
        var cast = Asciicast(timestamp: timestamp, title: title)
        var time = startDelay
        for (index, item) in commands.enumerated() {
            if index > 0 { time += pauseDelay }
            cast.events.append(Event(milliseconds: time, text: "$ "))
            for character in item.command {
                time += keyDelay
                cast.events.append(Event(milliseconds: time, text: String(character)))
            }
            time += enterDelay
            cast.events.append(Event(milliseconds: time, text: "\r\n"))
            guard !item.output.isEmpty else { continue }
            time += 150
            for line in item.output.split(separator: "\n", omittingEmptySubsequences: false) {
                time += min(20 + line.utf8.count / 2, 250)
                cast.events.append(Event(milliseconds: time, text: line + "\r\n"))
            }
        }
        return cast
    }

    /// Seconds from the start to the last event.
    public var duration: Double { Double(events.last?.milliseconds ?? 0) / 1000 }

    /// The file's text: header line and event lines, each ending in `\n`. Strings escape `<`, `>`
    /// and `&` as `\u003c`… so the text can sit inside an HTML `<script>` data block as is.
    public func encoded() -> String {
        var out = "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
        out += "\"title\": \(Self.quote(title)), \"env\": {\"SHELL\": \"/bin/sh\", \"TERM\": \"xterm-256color\"}}\n"
        for event in events {
            out += "[\(Self.seconds(event.milliseconds)), \"o\", \(Self.quote(event.text))]\n"
        }
        return out
    }

    /// `1234` → `1.234`.
    static func seconds(_ milliseconds: Int) -> String {
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A JSON string literal with HTML-significant characters and line separators escaped too.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}", "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
