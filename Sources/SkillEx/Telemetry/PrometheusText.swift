import Foundation

/// Builds Prometheus text exposition: `# HELP`, `# TYPE` and sample lines with escaped labels.
struct PrometheusText {
    enum Kind: String { case counter, gauge, histogram }

    private(set) var text = ""

    mutating func family(_ name: String, _ kind: Kind, _ help: String) {
        text += "# HELP \(name) \(help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))\n"
        text += "# TYPE \(name) \(kind.rawValue)\n"
    }

    mutating func sample(_ name: String, _ value: Double, _ labels: [String: String] = [:]) {
        var line = name
        if !labels.isEmpty {
            let pairs = labels.keys.sorted().map { key in "\(key)=\"\(PrometheusText.escape(labels[key] ?? ""))\"" }
            line += "{" + pairs.joined(separator: ",") + "}"
        }
        text += line + " " + PrometheusText.number(value) + "\n"
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
