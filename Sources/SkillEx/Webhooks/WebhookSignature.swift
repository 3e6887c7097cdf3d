public import Foundation

/// The `X-SkillEx-Signature` scheme: `sha256=` + hex HMAC-SHA256 over `"<timestamp>.<body>"`.
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp` (Unix seconds as text).
    public static func header(secret: String, timestamp: String, body: Data) -> String {
        var message = Data((timestamp + ".").utf8)
        message.append(body)
        return "sha256=" + Digest.hex(Digest.hmacSHA256(key: Array(secret.utf8), message: message))
    }

    /// True when `header` is the signature of `body` at `timestamp` (constant-time compare).
    public static func verify(secret: String, timestamp: String, body: Data, header: String) -> Bool {
        let expected = Array(self.header(secret: secret, timestamp: timestamp, body: body).utf8)
        let given = Array(header.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }
}
