public import Logging
import Foundation

/// A swift-log handler for the CLI: one line per message on stderr, either text (coloured on
/// a terminal) or a JSON object (`--log-format json`), with its metadata on the same line.
public struct StructuredLogHandler: LogHandler {
    /// How lines are written.
    public enum Format: String, Sendable, CaseIterable {
        /// `LEVEL message key=value …`.
        case text
        /// One JSON object per line: `time`, `level`, `label`, `message` and the metadata.
        case json
    }

    /// The minimum level written.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: Format
    private let color: Bool
    private let write: @Sendable (String) -> Void

    /// A handler writing `format` lines at `level` and above to `write` (default stderr).
    public init(
        label: String, format: Format, level: Logger.Level, color: Bool,
        write: @escaping @Sendable (String) -> Void = Telemetry.printToStandardError
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.color = color
        self.write = write
    }

    /// Gets or sets one metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        // Messages and metadata carry skill names, descriptions and validator output: escaped
        // here, so no control character or bidirectional override reaches a terminal.
        switch format {
        case .json: write(TerminalText.escapeJSON(jsonLine(event, merged)))
        case .text: write(textLine(event, merged))
        }
    }

    private func jsonLine(_ event: LogEvent, _ metadata: Logger.Metadata) -> String {
        var fields: [String: JSONValue] = [
            "time": .string(Timestamp.millisecondString(Date())), "level": .string(event.level.rawValue),
            "label": .string(label), "message": .string(event.message.description),
        ]
        for (key, value) in metadata where fields[key] == nil { fields[key] = .string(value.description) }
        return (try? JSONWriter.line(fields)) ?? event.message.description
    }

    private func textLine(_ event: LogEvent, _ metadata: Logger.Metadata) -> String {
        let level = event.level.rawValue.uppercased()
        let painted = color ? "\u{1B}[\(colorCode(event.level))m\(level)\u{1B}[0m" : level
        let pairs = metadata.keys.sorted().compactMap { key in
            metadata[key].map { TerminalText.escape("\(key)=\($0)", newlines: false) }
        }
        return ([painted, TerminalText.escape(event.message.description, newlines: false)] + pairs)
            .joined(separator: " ")
    }

    private func colorCode(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "2"
        case .info, .notice: "36"
        case .warning: "33"
        case .error, .critical: "31"
        }
    }
}
