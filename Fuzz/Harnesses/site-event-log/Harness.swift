import FuzzDriver

// libFuzzer harness "site-event-log": see FuzzEntryPoints / SiteFuzzEntryPoints for what it feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.test("site-event-log", start, count)
}

@_cdecl("fuzz_site_event_log_main")
public func harnessMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv, testOneInput)
}
