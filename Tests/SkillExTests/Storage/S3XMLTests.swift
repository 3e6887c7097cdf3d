import Foundation
import Testing
@testable import SkillEx

@Suite struct S3XMLTests {
    @Test func listPageWithContinuationToken() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name><Prefix>hub/</Prefix><KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <Contents><Key>hub/index.json</Key><Size>812</Size><ETag>"abc"</ETag></Contents>
              <Contents><Key>hub/caf&#xE9; &amp; tea.zip</Key><Size>5</Size>
                <ChecksumSHA256>LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=</ChecksumSHA256></Contents>
            </ListBucketResult>
            """
        let page = try S3XML.listPage(Data(xml.utf8))
        #expect(page.continuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
        #expect(page.objects == [
            StoredObject(key: "hub/index.json", size: 812),
            StoredObject(key: "hub/café & tea.zip", size: 5,
                         sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
        ])
    }

    @Test func lastPageHasNoToken() throws {
        let xml = "<ListBucketResult><IsTruncated>false</IsTruncated><NextContinuationToken>x</NextContinuationToken></ListBucketResult>"
        #expect(try S3XML.listPage(Data(xml.utf8)).continuationToken == nil)
    }

    @Test func malformedListIsAnError() {
        #expect(throws: StorageError.self) { try S3XML.listPage(Data("<Error><Code>X</Code></Error>".utf8)) }
        #expect(throws: StorageError.self) { try S3XML.listPage(Data("not xml <".utf8)) }
    }

    @Test func errorBodyAndUploadID() {
        let error = S3XML.error(Data("""
            <?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code>
            <Message>The request signature we calculated does not match</Message><RequestId>1</RequestId></Error>
            """.utf8))
        #expect(error == S3XML.ErrorBody(code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match"))
        #expect(S3XML.error(Data()) == nil)
        #expect(S3XML.uploadID(Data("<InitiateMultipartUploadResult><Bucket>b</Bucket><UploadId>u-1</UploadId></InitiateMultipartUploadResult>".utf8)) == "u-1")
    }

    @Test func failuresMapToCredentialServiceAndUnavailable() {
        let denied = HTTPResponse(status: 403, headers: [:], body: Data("<Error><Code>InvalidAccessKeyId</Code><Message>no</Message></Error>".utf8))
        guard case .credentials(let line) = S3Storage.failure("LIST s3://b/", denied, attempts: 5) else {
            Issue.record("expected a credentials error"); return
        }
        #expect(line == "LIST s3://b/: 403 InvalidAccessKeyId: no")
        let missing = HTTPResponse(status: 404, headers: [:], body: Data("<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>".utf8))
        #expect(S3Storage.failure("LIST s3://b/", missing, attempts: 5)
            == .service(operation: "LIST s3://b/", status: 404, code: "NoSuchBucket", message: "gone"))
        let busy = HTTPResponse(status: 503, headers: [:], body: Data())
        guard case .unavailable = S3Storage.failure("PUT", busy, attempts: 5) else { Issue.record("expected unavailable"); return }
    }

    @Test func base64HexRoundTrip() {
        let hex = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        #expect(Base64Hex.base64(fromHex: hex) == "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")
        #expect(Base64Hex.hex(fromBase64: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=") == hex)
        #expect(Base64Hex.base64(fromHex: "abc") == nil)
    }
}
