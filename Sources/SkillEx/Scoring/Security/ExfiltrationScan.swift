import Foundation

/// `exfil-*`: sending secrets out, running downloaded code, reading credential stores and
/// switching safety checks off, in scripts, code blocks and instructions.
enum ExfiltrationScan {
    /// Builds the patterns this rule compiles on first use (`Scorer.prepareRules`).
    static func prepare() {
        _ = send
        _ = source
        _ = sendWithSource
        _ = downloadExec
        _ = credentialRead
        _ = disableSafety
        _ = Sets.hints
        _ = Sets.sourceWords
        _ = Sets.sendWords
        _ = Sets.execWords
        _ = Sets.storeWords
        _ = Sets.safetyWords
    }

    /// A sensitive source: credential files, key files, the whole environment.
    static let sensitive =
        #"(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%)/\.(?:ssh|aws|gnupg|kube|docker|netrc|git-credentials|config/gh|azure)\b|\.ssh/id_|\bid_(?:rsa|ed25519|ecdsa|dsa)\b|\.aws/credentials|/etc/(?:passwd|shadow)|\.netrc\b|\.git-credentials|os\.environ(?!\s*(?:\[|\.get|\.setdefault|\.pop))|process\.env(?!\s*(?:\.|\[))|\bprintenv\b(?![ \t]+[A-Za-z_])|\$\(\s*env\s*\)|`env`|\benv\s*\||\bkeychain\b|login data|cookies\.sqlite|\bcat\b[^\n|]*\.env\b"#
    /// Sending data to the network.
    static let sending =
        #"\bcurl\b[^\n]*(?:\s-d\b|\s--data|\s-F\b|\s--form|\s-T\b|--upload-file|-X\s*(?:POST|PUT))|\bwget\b[^\n]*--post-(?:data|file)|\brequests\.(?:post|put|patch)\s*\(|\bhttpx\.(?:post|put)\s*\(|\burlopen\s*\(|\burllib\.request\.Request\s*\(|\bfetch\s*\([^\n]*(?:method\s*:\s*['"](?:POST|PUT)|body\s*:)|\baxios\.(?:post|put)\s*\(|\b(?:nc|ncat|netcat)\b\s+-?[\w.-]+\s+\d+|/dev/tcp/|Invoke-(?:WebRequest|RestMethod)[^\n]*-(?:Body|InFile)|\bscp\b[^\n]*\s[\w.-]+@[\w.-]+:|\bsocket\.send|\bsmtplib\b|\b(?:send|upload|post|transmit|forward|exfiltrate|e-?mail)\b[^\n]*\bhttps?://"#

    private static let send = rx("(?i)" + sending)
    private static let source = rx("(?i)" + sensitive)
    private static let sendWithSource = rx("(?i)(?:" + sending + ")[^\\n]*(?:" + sensitive + ")|(?:" + sensitive + ")[^\\n]*(?:" + sending + ")")
    private static let downloadExec = rx(
        #"(?i)\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:ba|z|k|da)?sh\b|\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:python3?|node|perl|ruby)\b|\b(?:ba|z)?sh\s+(?:-c\s+)?["']?(?:\$\(|<\()\s*(?:curl|wget)\b|\beval\s+["']?\$\((?:curl|wget)\b|\b(?:iex|Invoke-Expression)\b[^\n]*(?:iwr|Invoke-WebRequest|DownloadString|irm|Invoke-RestMethod)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n]*\|\s*(?:iex|Invoke-Expression)\b|\bexec\s*\(\s*(?:requests\.get|urllib\.request\.urlopen|urlopen)\s*\(|\beval\s*\(\s*(?:await\s+)?\(?\s*(?:await\s+)?fetch\s*\(|\b(?:curl|wget)\b[^\n]*&&\s*(?:chmod\s+\+x[^\n]*&&\s*)?(?:\./|(?:ba)?sh\s|python3?\s)"#)
    private static let credentialRead = rx(
        #"(?i)\b(?:cat|less|more|head|tail|cp|scp|base64|tar|zip|xxd|strings|type|Get-Content|read|open|copy|collect|grab|dump|print|include)\b[^\n]*(?:(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%)/\.(?:ssh|aws|gnupg|azure|config/gcloud)\b|\.ssh/id_|\.aws/credentials|\.netrc\b|\.git-credentials|login data|/etc/shadow|\.docker/config\.json)|\bsecurity\s+(?:find-generic-password|find-internet-password|dump-keychain)\b|\bsecret-tool\s+lookup\b|\bexpanduser\([^)\n]*(?:\.ssh|\.aws|\.netrc|\.git-credentials|\.docker/config)|\bgh\s+auth\s+token\b|readFileSync\([^)\n]*(?:\.ssh|\.aws|\.netrc)"#)
    private static let disableSafety = rx(
        #"(?i)--dangerously-skip-permissions|--dangerously-bypass-approvals-and-sandbox|dangerouslyDisableSandbox|--yolo\b|--trust-all-tools|--allow-all-tools|approval[_-]policy["']?\s*[=:]\s*["']?never|--ask-for-approval\s+never|bypassPermissions|\b(?:curl|wget)\b[^\n]*\s(?:-k|--insecure|--no-check-certificate)\b|\bverify\s*=\s*False\b|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0|PYTHONHTTPSVERIFY\s*=\s*['"]?0|GIT_SSL_NO_VERIFY\s*=\s*['"]?(?:1|true)|StrictHostKeyChecking[= ]+no\b|rejectUnauthorized\s*:\s*false|\bNOPASSWD\b"#)

    static let hints = [
        "curl", "wget", "requests.", "httpx", "urlopen", "urllib", "fetch", "axios", "nc ", "ncat", "netcat", "/dev/tcp",
        "invoke-", "iwr", "irm", "iex", "scp", "socket", "smtplib", "http", "exec", "eval", ".ssh", ".aws", ".netrc",
        "credentials", "keychain", "security ", "secret-tool", "gh auth", "dangerously", "--yolo", "trust-all",
        "allow-all", "approval", "login data", "cookies.sqlite", "/etc/", "printenv", "nopasswd", "bypasspermissions", "verify", "tls_reject", "stricthostkeychecking", "rejectunauthorized",
    ]

    static let sourceWords = [
        "/.ssh", ".ssh/", "/.aws", "/.gnupg", "/.kube", "/.docker", ".netrc", ".git-credentials", "/.config/gh", "/.azure",
        "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa", "/etc/passwd", "/etc/shadow", "os.environ", "process.env", "printenv",
        "env |", "env|", "$(env", "$( env", "`env`", ".env", "keychain", "login data", "cookies.sqlite",
    ]
    static let sendWords = [
        "curl", "wget", "requests.", "httpx.", "urlopen", "urllib.request", "fetch", "axios.", "nc ", "ncat", "netcat",
        "/dev/tcp", "invoke-webrequest", "invoke-restmethod", "scp", "socket.send", "smtplib", "http://", "https://",
    ]
    static let execWords = ["curl", "wget", "iex", "invoke-expression", "iwr", "irm", "invoke-webrequest", "invoke-restmethod", "exec", "eval"]
    static let storeWords = [
        ".ssh", ".aws", ".gnupg", ".azure", "gcloud", ".netrc", ".git-credentials", "login data", "/etc/shadow",
        ".docker/config", "find-generic-password", "find-internet-password", "dump-keychain", "secret-tool", "gh auth token",
    ]
    static let safetyWords = [
        "dangerously", "--yolo", "trust-all-tools", "allow-all-tools", "approval_policy", "approval-policy",
        "ask-for-approval", "bypasspermissions", "curl", "wget", "verify",
        "tls_reject", "stricthostkeychecking", "rejectunauthorized", "nopasswd",
    ]

    static func hits(_ file: ScannedText) -> [SecurityHit] {
        guard file.hasAny(Sets.hints) else { return [] }
        var out: [SecurityHit] = []
        var flagged = Set<Int>()
        func add(_ rule: String, _ risk: SecurityRisk, _ line: Int, _ what: String) {
            out.append(SecurityHit(
                rule: rule, risk: risk, message: "\(what): \(HiddenCharacterScan.shown(file, line))", file: file.path, line: line))
        }
        for found in accepted(file, sendWithSource, Sets.sourceWords) {
            flagged.insert(found.line)
            add("exfil-send", .critical, found.line, "sends local secrets to the network")
        }
        // In a script, a sensitive read and a send anywhere in the file count together.
        if !file.isMarkdown, out.isEmpty, let read = accepted(file, source, Sets.sourceWords).first,
            let sent = accepted(file, send, Sets.sendWords).first {
            flagged.insert(sent.line)
            add("exfil-send", .critical, sent.line, "sends data read from line \(read.line) to the network")
        }
        for found in accepted(file, downloadExec, Sets.execWords) {
            add("exfil-download-exec", .high, found.line, "downloads code and runs it unchecked")
        }
        for found in accepted(file, credentialRead, Sets.storeWords) where !flagged.contains(found.line) {
            add("exfil-credential-store", .high, found.line, "reads a credential store")
        }
        for found in accepted(file, disableSafety, Sets.safetyWords) {
            add("exfil-disable-safety", .high, found.line, "switches a safety prompt or check off")
        }
        return out
    }

    /// Matches not negated on their line, and in Markdown not in a line that discusses attacks.
    static func accepted(
        _ file: ScannedText, _ regex: NSRegularExpression?, _ words: KeywordSet
    ) -> [(line: Int, text: Substring)] {
        var out: [(line: Int, text: Substring)] = [], lines = Set<Int>()
        for found in file.lineMatches(regex, anyOf: words) {
            let text = found.match
            guard !lines.contains(found.line), !MatchContext.negated(found.lineText, before: text) else { continue }
            if file.isMarkdown, MatchContext.discusses(found.lineText) { continue }
            lines.insert(found.line)
            out.append((found.line, text))
        }
        return out
    }

    /// The keyword lists with their matcher ids.
    enum Sets {
        static let hints = KeywordSet(ExfiltrationScan.hints)
        static let sourceWords = KeywordSet(ExfiltrationScan.sourceWords)
        static let sendWords = KeywordSet(ExfiltrationScan.sendWords)
        static let execWords = KeywordSet(ExfiltrationScan.execWords)
        static let storeWords = KeywordSet(ExfiltrationScan.storeWords)
        static let safetyWords = KeywordSet(ExfiltrationScan.safetyWords)
    }

    private static func rx(_ pattern: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: pattern) }
}
