/// Inline caches for `obj.name` and `obj.name = v` where the name is a plain
/// instance attribute (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE and
/// STORE_ATTR_INSTANCE_VALUE, in spirit).
///
/// A site's entry (the instruction's `InlineCacheEntry`)
/// records a type and the attribute epoch at which this held for that type:
/// the class and its bases have nothing of that name (no descriptor, property,
/// method or class attribute to take precedence), and no `__getattribute__`
/// (for loads) or `__setattr__` (for stores). While the instance's type and
/// the epoch are unchanged, the attribute is therefore exactly the instance
/// dict's entry, and the entry's last position is a hint, checked by key.
///
/// Fields: `key` the type's address, `epoch` the type's attribute epoch,
/// `value` the position hint as a small int. A site where the name is not a
/// plain instance attribute (a property, a method) records that too, with the
/// epoch's top bit set, so the general path does not ask again each time.
extension Runtime {
    /// `obj.name` through the site's cache, or `.null` to take the general path
    /// (a different type, a changed class, or no such attribute in the dict).
    @inline(__always)
    func cachedInstanceAttribute(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ obj: Value, _ name: Value) -> Value {
        guard obj.isObject else { return .null }
        unowned(unsafe) let o = obj.object
        unowned(unsafe) let type = o.type
        guard cache.pointee.key == UInt64(UInt(bitPattern: unsafeBitCast(type, to: Int.self))),
              cache.pointee.epoch == type.attributeEpoch, o.instanceDict.isObject else { return .null }
        return o.instanceDict.withBorrowed(PyDict.self) { dict in
            let hinted = dict.value(at: cache.pointee.value.asSmallInt, ifKey: name)
            if !hinted.isNull { return hinted }
            let position = dict.positionOfStr(unsafeDowncast(name.object, to: PyStr.self))
            if position < 0 { return .null }
            cache.pointee.value = Value(small: position)
            return dict.value(at: position, ifKey: name)
        }
    }

    /// `obj.name = value` through the site's cache; false to take the general path.
    @inline(__always)
    func storeCachedInstanceAttribute(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ obj: Value, _ name: Value,
                                      _ value: Value) -> Bool {
        guard obj.isObject else { return false }
        unowned(unsafe) let o = obj.object
        unowned(unsafe) let type = o.type
        guard cache.pointee.key == UInt64(UInt(bitPattern: unsafeBitCast(type, to: Int.self))),
              cache.pointee.epoch == type.attributeEpoch, o.instanceDict.isObject else { return false }
        o.instanceDict.withBorrowed(PyDict.self) { dict in
            if dict.replaceValue(at: cache.pointee.value.asSmallInt, ifKey: name, value) { return }
            // A new attribute (as in __init__) or one that moved: the dict's own store.
            dict.setStr(unsafeDowncast(name.object, to: PyStr.self), value)
            // Where a new key went (checked by key on the next use).
            cache.pointee.value = Value(small: max(dict.entryCount - 1, 0))
        }
        return true
    }

    /// After the general path answered `obj.name` (load) or stored it: makes the
    /// site's first entry describe `obj`'s type when the name is a plain
    /// instance attribute of it, moving what the entry said of another type to
    /// the site's second entry (`cache + 1`): a site that sees two types (a
    /// class and its subclass, as in a method both run) hits for both.
    func fillInstanceAttributeCache(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ obj: Value, _ name: PyStr,
                                    store: Bool) {
        guard obj.isObject, name.isInterned else { return }
        unowned(unsafe) let o = obj.object
        unowned(unsafe) let type = o.type
        let typeAddress = UInt64(UInt(bitPattern: unsafeBitCast(type, to: Int.self)))
        let epoch = type.attributeEpoch
        // Decided already for this type and epoch (a hit that found no such
        // attribute in the dict, or a name that is not a plain attribute).
        if cache.pointee.key == typeAddress && cache.pointee.epoch & ~notPlain == epoch { return }
        if cache[1].key == typeAddress && cache[1].epoch & ~notPlain == epoch { return }
        guard type.instanceKind == .instance || type.instanceKind == .exception,
              !(store ? type.definesSetattr : type.definesGetattribute),
              !isDunder(name), typeLookup(.passUnretained(type), name).isNull else {
            refillFirstEntry(cache, InlineCacheEntry(key: typeAddress, epoch: epoch | notPlain, value: .null))
            return
        }
        guard o.instanceDict.isObject else { return }
        let position = o.instanceDict.withBorrowed(PyDict.self) { $0.positionOfStr(name) }
        refillFirstEntry(cache, InlineCacheEntry(key: typeAddress, epoch: epoch,
                                                 value: Value(small: max(position, 0))))
    }

    /// Puts `entry` in a two-entry site's first slot; what that slot said of
    /// another type moves to the second (attribute and method sites alike).
    func refillFirstEntry(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ entry: InlineCacheEntry) {
        if cache.pointee.key != 0 && cache.pointee.key != entry.key { cache[1] = cache.pointee }
        cache.pointee = entry
    }

    /// Marks a site's entry as "not a plain instance attribute of this type".
    private var notPlain: UInt64 { 1 << 63 }

    /// Names like `__dict__` and `__class__` have meanings of their own; the
    /// caches leave them to the general path.
    private func isDunder(_ name: PyStr) -> Bool {
        let bytes = name.value.utf8
        guard name.utf8Count >= 2, bytes.first == 0x5F else { return false }
        return bytes[bytes.index(after: bytes.startIndex)] == 0x5F
    }
}
