import Foundation
import Testing
@testable import SkillEx

@Suite struct StorageConfigurationTests {
    let env = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "SECRET"]

    func config(_ location: String, endpoint: String? = nil, settings: StorageSettings? = nil,
                env extra: [String: String] = [:]) throws -> S3Configuration {
        try S3Configuration.resolve(
            location: location, endpointFlag: endpoint, settings: settings,
            environment: env.merging(extra) { _, new in new })
    }

    @Test func awsDefaultsToVirtualHostedAddressing() throws {
        let c = try config("s3://skills/hub/", env: ["AWS_REGION": "eu-west-1"])
        #expect(c.bucket == "skills" && c.prefix == "hub" && c.region == "eu-west-1" && !c.pathStyle)
        let storage = S3Storage(config: c)
        #expect(storage.address("hub/a b.zip").host == "skills.s3.eu-west-1.amazonaws.com")
        #expect(storage.address("hub/a b.zip").path == "/hub/a b.zip")
    }

    @Test func customEndpointUsesPathStyleAndR2RegionAuto() throws {
        let c = try config("s3://skills", endpoint: "https://acct.r2.cloudflarestorage.com")
        #expect(c.pathStyle && c.region == "auto" && c.prefix == "")
        let storage = S3Storage(config: c)
        #expect(storage.address("index.json") == ("acct.r2.cloudflarestorage.com", "/skills/index.json", "https://acct.r2.cloudflarestorage.com"))
        let local = try config("s3://b/p", env: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9000"])
        #expect(S3Storage(config: local).address("k").host == "127.0.0.1:9000")
    }

    @Test func manifestNamesTheVariables() throws {
        var settings = StorageSettings()
        settings.endpointEnv = "R2_ENDPOINT"
        settings.accessKeyEnv = "R2_KEY"
        settings.secretKeyEnv = "R2_SECRET"
        settings.addressing = "virtual"
        let c = try config("s3://b", settings: settings, env: [
            "R2_ENDPOINT": "https://x.r2.cloudflarestorage.com", "R2_KEY": "k2", "R2_SECRET": "s2"])
        #expect(c.credentials.accessKeyID == "k2" && c.region == "auto" && !c.pathStyle)
        #expect(throws: StorageError.configuration("R2_ENDPOINT (named by manifest storage.endpoint_env) is not set")) {
            try S3Configuration.resolve(location: "s3://b", endpointFlag: nil, settings: settings, environment: [:])
        }
    }

    @Test func badInputIsOneLine() {
        #expect(throws: StorageError.configuration("'b/p' is not an s3://bucket/prefix URL")) { try config("b/p") }
        #expect(throws: StorageError.configuration("AWS_SECRET_ACCESS_KEY is not set; S3 storage needs a secret key")) {
            try S3Configuration.resolve(location: "s3://b", endpointFlag: nil, settings: nil, environment: ["AWS_ACCESS_KEY_ID": "k"])
        }
    }

    @Test func manifestWithCredentialValuesIsRefused() throws {
        var manifest = Manifest()
        try manifest.extra.encode(["url": "s3://b", "secret_access_key": "oops"], key: "storage")
        #expect(throws: StorageError.self) { try StorageSettings.from(manifest) }
        do { _ = try StorageSettings.from(manifest) } catch { #expect(!error.description.contains("oops")) }
    }
}
