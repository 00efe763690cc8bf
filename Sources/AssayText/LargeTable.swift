#if canImport(Glibc)
import Glibc
#endif

/// A fixed-size array of integers for tables of megabytes (the automaton's transitions), backed by memory
/// aligned to 2 MiB and marked for transparent huge pages where the kernel offers them.
///
/// A 10 MB table in 4 KiB pages costs ~2,500 page faults to fill and more TLB entries than the CPU has, and
/// every step of the automaton's scan is a load from it; in 2 MiB pages it is five. Where huge pages are
/// unavailable the advice is ignored and the table behaves like any allocation.
///
/// Written only while its owner is being built (through `base`), then read-only: safe to share between
/// threads after that, which is what `@unchecked Sendable` records.
final class LargeTable<Element: FixedWidthInteger>: @unchecked Sendable {
    /// First element; `count` elements follow.
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Tables smaller than this many bytes use ordinary allocation (huge pages would waste memory).
    static var hugePageThreshold: Int { 1 << 20 }
    static var hugePageSize: Int { 2 << 20 }

    /// A table of `count` elements, written by `initialize`, which must set every one of them (the memory
    /// arrives uninitialised, so a table that is filled by computation is written once, not twice).
    init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.count = count
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        #if canImport(Glibc)
        var raw: UnsafeMutableRawPointer?
        let huge = bytes >= Self.hugePageThreshold
        let rounded = huge ? (bytes + Self.hugePageSize - 1) / Self.hugePageSize * Self.hugePageSize : bytes
        guard posix_memalign(&raw, huge ? Self.hugePageSize : 64, rounded) == 0, let raw else {
            fatalError("out of memory allocating a \(bytes)-byte table")
        }
        if huge { _ = madvise(raw, rounded, MADV_HUGEPAGE) }
        let memory = raw
        #else
        let memory = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        #endif
        base = memory.bindMemory(to: Element.self, capacity: max(count, 1))
        initialize(UnsafeMutableBufferPointer(start: base, count: count))
    }

    deinit {
        #if canImport(Glibc)
        free(base)  // posix_memalign's memory is released with free(3)
        #else
        UnsafeMutableRawPointer(base).deallocate()
        #endif
    }

    /// The elements, for reading.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
