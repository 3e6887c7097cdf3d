import Foundation

/// An error whose `description` is already one user-facing line naming the file and problem.
public protocol DescribedError: Error, CustomStringConvertible {}

/// Short, one-line descriptions of system errors for user-facing messages.
public enum ErrorText {
    /// The most specific one-line reason Foundation gives for `error`.
    public static func brief(_ error: any Error) -> String {
        if let described = error as? any DescribedError { return described.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return oneLine(nsError.localizedDescription)
    }

    /// `brief(error)` without a leading `path: `, for messages that name `path` themselves.
    public static func reason(_ error: any Error, at path: String) -> String {
        let text = brief(error)
        let prefix = path + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// A readable reason for a JSON decoding failure, with the field path or position.
    public static func decoding(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return brief(error) }
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined()
            return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
        }
        switch decoding {
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)): missing \(type) value"
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath + [key])): required field is missing"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return oneLine(underlying ?? context.debugDescription)
        @unknown default:
            return oneLine(String(describing: decoding))
        }
    }

    /// Collapses line breaks so a message stays on one line.
    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
