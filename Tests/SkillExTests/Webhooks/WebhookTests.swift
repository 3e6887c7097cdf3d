import Foundation
import Testing
@testable import SkillEx

@Suite struct WebhookTests {
    @Test func signatureIsHMACOverTimestampDotBody() {
        let body = Data(#"{"event":"published"}"#.utf8)
        // Computed apart from SkillEx's HMAC code, with Python's hmac module:
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"s3cret",b"1700000000.{\"event\":\"published\"}",hashlib.sha256).hexdigest())'
        let header = WebhookSignature.header(secret: "s3cret", timestamp: "1700000000", body: body)
        #expect(header == "sha256=5370da196022673ba3b8d1d558282b42b5a4f422d239122e02bff5b4e7e688c9")
        #expect(WebhookSignature.verify(secret: "s3cret", timestamp: "1700000000", body: body, header: header))
        #expect(!WebhookSignature.verify(secret: "s3cret", timestamp: "1700000001", body: body, header: header))
        #expect(!WebhookSignature.verify(secret: "s3cret", timestamp: "1700000000", body: body + Data(" ".utf8), header: header))
        #expect(!WebhookSignature.verify(secret: "other", timestamp: "1700000000", body: body, header: header))
    }

    @Test func bodiesForBothFormats() throws {
        let payload: JSONValue = .object(["summary": .string("published 1.2.0")])
        let skillex = try JSONDecoder().decode(JSONValue.self, from: WebhookDispatcher.body(
            format: nil, event: "published", delivery: "d-1", payload: payload))
        #expect(skillex == .object(["event": .string("published"), "delivery": .string("d-1"), "payload": payload]))
        let slack = try JSONDecoder().decode(JSONValue.self, from: WebhookDispatcher.body(
            format: "slack", event: "published", delivery: "d-1", payload: payload))
        #expect(slack == .object(["text": .string("SkillEx: published — published 1.2.0")]))
    }

    @Test func manifestEntriesAreChecked() throws {
        var manifest = Manifest()
        try manifest.extra.encode([WebhookSettings(url: "http://h/x", events: ["published"], format: "teams")], key: "webhooks")
        #expect(throws: StorageError.configuration("manifest.json: webhooks[0].format 'teams' must be 'skillex' or 'slack'")) {
            try WebhookSettings.from(manifest)
        }
        #expect(WebhookSettings(url: "u", events: ["*"]).wants("anomaly"))
        #expect(!WebhookSettings(url: "u", events: ["published"]).wants("rejected"))
    }

    @Test func missingSecretIsRecordedAsFailedWithoutSending() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hooks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, environment: [:])
        let hook = WebhookSettings(url: "http://127.0.0.1:9/hook", events: ["published"], secretEnv: "HOOK_SECRET")
        let results = await WebhookDispatcher(webhooks: [hook], workspace: workspace)
            .deliver(event: "published", payload: .object([:]))
        #expect(results.count == 1 && results[0].status == .failed && results[0].attempts == 1)
        #expect(results[0].error?.contains("HOOK_SECRET") == true)
        let log = DeliveryLog(workspace: workspace).records()
        #expect(log.map(\.status) == [.failed] && log[0].delivery == results[0].delivery)
    }
}
