import ArgumentParser
import Foundation
import SkillEx

/// Hidden `skillex debug-sigv4`: signs requests described as JSON on stdin, so tests can compare
/// SkillEx's SigV4 with another implementation (botocore) request by request.
struct DebugSigV4Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-sigv4",
        abstract: "Sign requests read as JSON from stdin (test aid).",
        discussion: """
            Input: {"access_key","secret_key","session_token"?,"region","service","amz_date",
            "requests":[{"method","path","query":[[k,v]],"headers":{},"payload_hash"}],
            "presign":[{"host","path","expires"}]}. Output: canonical requests, strings to sign,
            signatures and presigned query strings.

            Example:
              skillex debug-sigv4 < vectors.json
            """,
        shouldDisplay: false)

    struct Input: Decodable {
        struct Req: Decodable {
            var method: String, path: String, query: [[String]]?, headers: [String: String]
            var payload_hash: String
        }
        struct Presign: Decodable { var host: String, path: String, expires: Int }
        var access_key: String, secret_key: String, session_token: String?
        var region: String, service: String, amz_date: String
        var requests: [Req]?, presign: [Presign]?
    }

    struct Output: Encodable {
        struct Signed: Encodable {
            var canonical_request: String, string_to_sign: String, signature: String, authorization: String
        }
        var requests: [Signed], presign: [String]
    }

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let input: Input
        do { input = try JSONDecoder().decodeChecked(Input.self, from: data) } catch {
            throw ExitStatus.inputError(ValidationError("stdin: \(ErrorText.decoding(error))"))
        }
        let signer = SigV4Signer(
            credentials: StorageCredentials(
                accessKeyID: input.access_key, secretAccessKey: input.secret_key, sessionToken: input.session_token),
            region: input.region, service: input.service)
        var out = Output(requests: [], presign: [])
        for req in input.requests ?? [] {
            let query = (req.query ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
            let request = SigV4Signer.Request(
                method: req.method, path: req.path, query: query, headers: req.headers, payloadHash: req.payload_hash)
            let canonical = signer.canonicalRequest(request)
            let toSign = signer.stringToSign(canonicalRequest: canonical, amzDate: input.amz_date)
            out.requests.append(.init(
                canonical_request: canonical, string_to_sign: toSign,
                signature: signer.signature(stringToSign: toSign, amzDate: input.amz_date),
                authorization: signer.authorization(request, amzDate: input.amz_date)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        guard let date = formatter.date(from: input.amz_date) else {
            throw ExitStatus.inputError(ValidationError("amz_date '\(input.amz_date)' is not yyyyMMddTHHmmssZ"))
        }
        for item in input.presign ?? [] {
            out.presign.append(signer.presignedQuery(host: item.host, path: item.path, date: date, expires: item.expires))
        }
        try JSONOutput.print(out)
    }
}
