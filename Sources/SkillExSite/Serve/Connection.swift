import Foundation
import SkillEx
#if canImport(Glibc)
    import Glibc
#endif

/// One client socket of the preview server, read and written within a deadline.
struct Connection {
    /// The socket.
    let fd: Int32
    /// The bounds: head size and time.
    let limits: ServeLimits
    /// When the client must have sent its head (and when waiting for it to drain ends).
    let deadline: ContinuousClock.Instant

    init(fd: Int32, limits: ServeLimits) {
        self.fd = fd
        self.limits = limits
        deadline = .now + .milliseconds(Int(saturating: limits.timeout * 1000))
        // Writes give up after the same time (a client that never reads holds one thread, not forever).
        let microseconds = max(1000, Int(saturating: limits.timeout * 1_000_000))
        var timeout = timeval(tv_sec: microseconds / 1_000_000, tv_usec: microseconds % 1_000_000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The request head, a status to refuse it with (408 when the deadline passes first), or
    /// nil when the client went away.
    func readHead() -> RequestHeadReader.Outcome? {
        var reader = RequestHeadReader(limit: limits.headBytes)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            guard let count = receive(into: &buffer, until: deadline) else { return .reject(.requestTimeout) }
            if count <= 0 { return nil }
            if let outcome = reader.feed(buffer[..<count]) { return outcome }
        }
    }

    /// Sends every byte of `response` (or gives up when the client stops reading).
    func send(_ response: HTTPResponse, headOnly: Bool) {
        response.encoded(headOnly: headOnly).withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// After refusing a request the client is still sending: ends our side and reads (and drops)
    /// what else arrives (up to 1 MiB, for at most a second) until it closes, so closing does not
    /// reset the connection before the client has read the refusal.
    func drain() {
        shutdown(fd, Int32(SHUT_WR))
        let until = min(deadline, .now + .seconds(1))
        var buffer = [UInt8](repeating: 0, count: 16384)
        var total = 0
        while total < 1 << 20, let count = receive(into: &buffer, until: until), count > 0 { total += count }
    }

    /// Waits for bytes until `until`; the count read (0 at end of stream, -1 on an error), or nil
    /// when that time passed.
    private func receive(into buffer: inout [UInt8], until: ContinuousClock.Instant) -> Int? {
        while true {
            let left = ContinuousClock.now.duration(to: until)
            guard left > .zero else { return nil }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { return -1 }
            if ready == 0 { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return count
        }
    }
}
