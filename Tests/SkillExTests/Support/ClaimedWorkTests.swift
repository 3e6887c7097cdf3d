import Foundation
import Synchronization
@testable import SkillEx
import Testing

@Suite("ClaimedWork")
struct ClaimedWorkTests {
    @Test("each work runs exactly once, whether a worker or a waiter claims it, and its effect is seen after waiting")
    func exactlyOnce() async {
        let runs = Mutex([Int](repeating: 0, count: 400))
        let works = (0..<400).map { i in ClaimedWork { runs.withLock { $0[i] += 1 } } }
        // Two waiters per work, racing the workers for it.
        await withTaskGroup(of: Void.self) { group in
            for half in 0..<2 {
                group.addTask {
                    for (i, work) in works.enumerated() where i % 2 == half || half == 1 { work.wait() }
                }
            }
        }
        for work in works { work.wait() }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 400))
    }

    @Test("a waiter finds the work done even when it claims the work itself")
    func waiterSeesResult() {
        final class Box: @unchecked Sendable { var value = 0 }
        for n in 1...200 {
            let box = Box()
            let work = ClaimedWork { box.value = n }
            work.wait()
            #expect(box.value == n)
        }
    }

    @Test("FilePrefetch hands over the value decoded once, however its reading was claimed")
    func prefetchDecodesOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let decodes = Mutex(0)
        for n in 0..<50 {
            let url = folder.appendingPathComponent("state-\(n).json")
            try Data("\(n)".utf8).write(to: url)
            FilePrefetch.start(url) { data in
                decodes.withLock { $0 += 1 }
                return String(decoding: data, as: UTF8.self)
            }
            #expect(FilePrefetch.take(url, as: String.self) == "\(n)")
        }
        #expect(decodes.withLock { $0 } == 50)
    }
}
