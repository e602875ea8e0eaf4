/// Storage twice as large as `capacity`, holding the `count` elements moved
/// from `base`, which is freed: how the object registry and the nursery grow
/// their raw buffers (plain words and values, no reference counting).
func doubledStorage<Element>(_ base: UnsafeMutablePointer<Element>, count: Int,
                             capacity: inout Int) -> UnsafeMutablePointer<Element> {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    capacity *= 2
    return bigger
}
