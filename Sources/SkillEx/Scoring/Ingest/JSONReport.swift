import Foundation

/// Decodes JSON reports with errors that name the file and the position.
enum JSONReport {
    /// Decodes `T` from `data`; syntax errors give the line and column, shape errors the JSON path.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(IngestError) -> T {
        do { try JSONNesting.check(data) } catch {
            throw IngestError(
                file: file, position: "top level",
                reason: "not valid JSON: arrays and objects nested more than \(JSONNesting.maxDepth) levels deep")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw IngestError(file: file, position: syntaxPosition(error, data: data), reason: "not valid JSON: \(syntaxReason(error))")
        }
        do { return try JSONDecoder().decodeChecked(T.self, from: data) } catch {
            let reason = ErrorText.decoding(error)
            if let colon = reason.range(of: ": ") {
                throw IngestError(
                    file: file, position: String(reason[..<colon.lowerBound]),
                    reason: String(reason[colon.upperBound...]))
            }
            throw IngestError(file: file, position: "top level", reason: reason)
        }
    }

    private static func debugText(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ErrorText.brief(error)
    }

    private static func syntaxReason(_ error: any Error) -> String {
        var text = ErrorText.oneLine(debugText(error))
        if let around = text.range(of: " around line") { text = String(text[..<around.lowerBound]) }
        if let at = text.range(of: " at offset") { text = String(text[..<at.lowerBound]) }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// `line L, column C` from Foundation's message, else `offset N`, else the end of input.
    private static func syntaxPosition(_ error: any Error, data: Data) -> String {
        let text = debugText(error)
        if let range = text.range(of: #"line \d+, column \d+"#, options: .regularExpression) {
            return String(text[range])
        }
        if let range = text.range(of: #"(offset|character) \d+"#, options: .regularExpression) {
            let digits = text[range].split(separator: " ").last.map(String.init) ?? "0"
            return "offset \(digits)"
        }
        let lines = data.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        return "line \(lines) (end of input)"
    }
}
