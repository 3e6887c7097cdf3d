import Foundation
import SkillEx

// `skillex-sigv4-probe`: a test aid, not part of the `skillex` product. It signs requests
// described as JSON on stdin with SkillEx's SigV4 signer and prints every intermediate step, so
// Tests/Python/test_sigv4.py can compare them with another implementation (botocore), request
// by request.
//
// Input:  {"access_key", "secret_key", "session_token"?, "region", "service", "amz_date",
//          "requests": [{"method", "path", "query": [[k, v]], "headers": {}, "payloadHash"}],
//          "presign": [{"host", "path", "expires"}]}
// Output: {"requests": [{"canonical_request", "string_to_sign", "signature", "authorization"}],
//          "presign": ["query string", ...]}
// Exit status 2 with one line on stderr when the input does not read.

/// What the probe reads from stdin.
struct ProbeInput: Decodable {
    struct Req: Decodable {
        var method: String
        var path: String
        var query: [[String]]?
        var headers: [String: String]
        var payloadHash: String
        enum CodingKeys: String, CodingKey {
            case method, path, query, headers
            case payloadHash = "payload_hash"
        }
    }
    struct Presign: Decodable {
        var host: String
        var path: String
        var expires: Int
    }
    var accessKey: String
    var secretKey: String
    var sessionToken: String?
    var region: String
    var service: String
    var amzDate: String
    var requests: [Req]?
    var presign: [Presign]?
    enum CodingKeys: String, CodingKey {
        case accessKey = "access_key"
        case secretKey = "secret_key"
        case sessionToken = "session_token"
        case amzDate = "amz_date"
        case region, service, requests, presign
    }
}

/// What the probe prints.
struct ProbeOutput: Encodable {
    struct Signed: Encodable {
        var canonicalRequest: String
        var stringToSign: String
        var signature: String
        var authorization: String
        enum CodingKeys: String, CodingKey {
            case canonicalRequest = "canonical_request"
            case stringToSign = "string_to_sign"
            case signature, authorization
        }
    }
    var requests: [Signed] = []
    var presign: [String] = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("skillex-sigv4-probe: \(message)\n".utf8))
    exit(2)
}

let input: ProbeInput
do {
    input = try JSONDecoder().decodeChecked(ProbeInput.self, from: FileHandle.standardInput.readDataToEndOfFile())
} catch {
    fail("stdin: \(ErrorText.decoding(error))")
}
let signer = SigV4Signer(
    credentials: StorageCredentials(
        accessKeyID: input.accessKey, secretAccessKey: input.secretKey, sessionToken: input.sessionToken),
    region: input.region, service: input.service)
var output = ProbeOutput()
for req in input.requests ?? [] {
    let query = (req.query ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
    let request = SigV4Signer.Request(
        method: req.method, path: req.path, query: query, headers: req.headers, payloadHash: req.payloadHash)
    let canonical = signer.canonicalRequest(request)
    let toSign = signer.stringToSign(canonicalRequest: canonical, amzDate: input.amzDate)
    output.requests.append(
        .init(
            canonicalRequest: canonical, stringToSign: toSign,
            signature: signer.signature(stringToSign: toSign, amzDate: input.amzDate),
            authorization: signer.authorization(request, amzDate: input.amzDate)))
}
let formatter = DateFormatter()
formatter.locale = Locale(identifier: "en_US_POSIX")
formatter.timeZone = TimeZone(identifier: "UTC")
formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
guard let date = formatter.date(from: input.amzDate) else { fail("amz_date '\(input.amzDate)' is not yyyyMMddTHHmmssZ") }
for item in input.presign ?? [] {
    output.presign.append(signer.presignedQuery(host: item.host, path: item.path, date: date, expires: item.expires))
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
do {
    FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
} catch {
    fail("\(error)")
}
