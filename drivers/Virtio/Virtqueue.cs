// The split virtqueue (VirtIO 1.2 section 2.7): descriptor table, available ring, used ring, with
// VIRTIO_F_EVENT_IDX's used_event for interrupt coalescing (2.7.7.2, 2.7.10). Memory and bus
// addresses come from the caller, so the ring logic has no OS dependency and runs on the host.
using DriverCompiler.Dsl;

namespace Virtio;

/// <summary>
/// One split virtqueue. Ring fields are little-endian when <see cref="LittleEndian"/> (VirtIO 1.x,
/// VIRTIO_F_VERSION_1 negotiated) and guest-native otherwise (legacy interface, spec 2.7.1 note).
/// The free descriptors form a list through their <c>next</c> fields starting at <see cref="FreeHead"/>.
/// Not thread-safe: the owner serialises AddChain/AddIndirect/GetBuf.
/// </summary>
public unsafe struct Virtqueue
{
    /// <summary>Alignment of the used ring in the legacy layout (spec 2.7.2: "Legacy Interfaces").</summary>
    public const uint LegacyAlign = 4096;

    public VirtqDesc* Desc;
    public VirtqAvail* Avail;
    public ushort* AvailRing;
    public ushort* UsedEvent;
    public VirtqUsed* Used;
    public VirtqUsedElem* UsedRing;
    /// <summary>The caller's token per head descriptor; 0 means "no request".</summary>
    public uint* Cookies;
    /// <summary>Transport data: where to notify this queue (modern: the notify register).</summary>
    public byte* NotifyAddr;
    public ushort Size;
    public ushort Index;
    public ushort FreeHead;
    public ushort NumFree;
    public ushort LastUsedIdx;
    public ushort AvailIdx;
    public bool LittleEndian;
    public bool EventIdx;

    /// <summary>Bytes of the descriptor table and available ring together (with used_event).</summary>
    public static uint DriverAreaBytes(ushort size) => 16u * size + 6u + 2u * size;

    /// <summary>Offset of the used ring: after the driver area, rounded up to 4096 (the legacy layout, valid for both).</summary>
    public static uint UsedOffset(ushort size) => (DriverAreaBytes(size) + LegacyAlign - 1) & ~(LegacyAlign - 1);

    /// <summary>Total bytes of the rings of a queue of <paramref name="size"/> entries (a power of two ≤ 32768).</summary>
    public static uint TotalBytes(ushort size) => UsedOffset(size) + 6u + 8u * size;

    /// <summary>Lays the rings out over <paramref name="memory"/> (<see cref="TotalBytes"/> bytes, 4096-aligned,
    /// zeroed by the caller) and chains every descriptor into the free list.</summary>
    public void Init(byte* memory, ushort size, ushort index, uint* cookies, bool littleEndian, bool eventIdx)
    {
        Desc = (VirtqDesc*)memory;
        Avail = (VirtqAvail*)(memory + 16u * size);
        AvailRing = (ushort*)(memory + 16u * size + 4u);
        UsedEvent = AvailRing + size;
        Used = (VirtqUsed*)(memory + UsedOffset(size));
        UsedRing = (VirtqUsedElem*)(memory + UsedOffset(size) + 4u);
        Cookies = cookies;
        Size = size;
        Index = index;
        LittleEndian = littleEndian;
        EventIdx = eventIdx;
        FreeHead = 0;
        NumFree = size;
        LastUsedIdx = 0;
        AvailIdx = 0;
        for (int i = 0; i < size; i++)
        {
            Desc[i].Addr = 0;
            Desc[i].Len = 0;
            Desc[i].Flags = 0;
            Desc[i].Next = To16((ushort)((i + 1) % size));
            Cookies[i] = 0;
        }
        Avail->Flags = 0;
        Avail->Idx = 0;
        *UsedEvent = 0;
    }

    public ushort To16(ushort v) => LittleEndian ? VirtioEndian.CpuToLe16(v) : v;
    public uint To32(uint v) => LittleEndian ? VirtioEndian.CpuToLe32(v) : v;
    public ulong To64(ulong v) => LittleEndian ? VirtioEndian.CpuToLe64(v) : v;
    // The byte swap is its own inverse.
    public ushort From16(ushort v) => To16(v);
    public uint From32(uint v) => To32(v);

    /// <summary>
    /// Queues one request as a chain of descriptors: <paramref name="outCount"/> device-readable
    /// buffers then <paramref name="inCount"/> device-writable ones (spec 2.7.13). Returns the head
    /// descriptor, or -1 when fewer than outCount + inCount descriptors are free (nothing changes).
    /// The device sees it after <see cref="Barrier.Write"/> and the avail idx store; notify separately.
    /// </summary>
    public int AddChain(VirtqBuf* bufs, int outCount, int inCount, uint cookie)
    {
        int total = outCount + inCount;
        if (total <= 0 || total > NumFree || cookie == 0)
            return -1;
        ushort head = FreeHead;
        ushort idx = head;
        for (int i = 0; i < total; i++)
        {
            VirtqDesc* d = &Desc[idx];
            d->Addr = To64(bufs[i].Addr);
            d->Len = To32(bufs[i].Len);
            ushort flags = i >= outCount ? VirtqDescF.Write : (ushort)0;
            if (i + 1 < total)
                flags |= VirtqDescF.Next;
            d->Flags = To16(flags);
            idx = From16(d->Next);
        }
        FreeHead = idx;
        NumFree = (ushort)(NumFree - total);
        Publish(head, cookie);
        return head;
    }

    /// <summary>
    /// Queues one request through an indirect table (VIRTIO_F_INDIRECT_DESC, spec 2.7.5.3): the
    /// buffers go into <paramref name="table"/> (at bus address <paramref name="tablePhys"/>, room for
    /// outCount + inCount entries) and one ring descriptor points at it. Returns the head or -1.
    /// </summary>
    public int AddIndirect(VirtqDesc* table, ulong tablePhys, VirtqBuf* bufs, int outCount, int inCount, uint cookie)
    {
        int total = outCount + inCount;
        if (total <= 0 || NumFree == 0 || cookie == 0)
            return -1;
        for (int i = 0; i < total; i++)
        {
            table[i].Addr = To64(bufs[i].Addr);
            table[i].Len = To32(bufs[i].Len);
            ushort flags = i >= outCount ? VirtqDescF.Write : (ushort)0;
            if (i + 1 < total)
                flags |= VirtqDescF.Next;
            table[i].Flags = To16(flags);
            table[i].Next = To16((ushort)(i + 1));
        }
        ushort head = FreeHead;
        VirtqDesc* d = &Desc[head];
        FreeHead = From16(d->Next);
        NumFree--;
        d->Addr = To64(tablePhys);
        d->Len = To32((uint)(16 * total));
        d->Flags = To16(VirtqDescF.Indirect);
        Publish(head, cookie);
        return head;
    }

    private void Publish(ushort head, uint cookie)
    {
        Cookies[head] = cookie;
        AvailRing[AvailIdx % Size] = To16(head);
        // The ring entry before the index that publishes it (spec 2.7.13.3.1).
        Barrier.Write();
        AvailIdx++;
        Avail->Idx = To16(AvailIdx);
    }

    /// <summary>True when the device has returned a buffer <see cref="GetBuf"/> has not taken yet.</summary>
    public bool HasUsed()
    {
        Barrier.Read();
        return From16(Used->Idx) != LastUsedIdx;
    }

    /// <summary>
    /// Takes the next used buffer: its cookie and the number of bytes the device wrote. Returns false
    /// when none is pending. An element whose id is out of range or names no request is consumed
    /// and reported with cookie 0 (a device bug must not corrupt the free list). With EVENT_IDX,
    /// used_event follows, so the device interrupts for the next completion (spec 2.7.10).
    /// </summary>
    public bool GetBuf(uint* cookie, uint* written)
    {
        if (!HasUsed())
            return false;
        // The index before the element it covers.
        Barrier.Read();
        VirtqUsedElem* e = &UsedRing[LastUsedIdx % Size];
        uint id = From32(e->Id);
        *written = From32(e->Len);
        LastUsedIdx++;
        if (EventIdx)
            *UsedEvent = To16(LastUsedIdx);
        *cookie = 0;
        if (id >= Size || Cookies[id] == 0)
            return true;
        *cookie = Cookies[id];
        Cookies[id] = 0;
        FreeChain((ushort)id);
        return true;
    }

    private void FreeChain(ushort head)
    {
        ushort idx = head;
        ushort count = 1;
        while ((From16(Desc[idx].Flags) & VirtqDescF.Next) != 0 && count < Size)
        {
            idx = From16(Desc[idx].Next);
            count++;
        }
        Desc[idx].Next = To16(FreeHead);
        FreeHead = head;
        NumFree = (ushort)(NumFree + count);
    }

    /// <summary>
    /// Asks for the next interrupt only after <paramref name="pending"/> more completions (EVENT_IDX
    /// used_event = last_used_idx + pending - 1; the device interrupts when its used idx passes it,
    /// spec 2.7.10). Returns true when completions arrived meanwhile and must be drained now,
    /// because the device may already have passed the threshold without interrupting.
    /// </summary>
    public bool ArmInterrupt(ushort pending)
    {
        if (!EventIdx)
            return HasUsed();
        ushort ahead = pending > 1 ? (ushort)(pending - 1) : (ushort)0;
        *UsedEvent = To16((ushort)(LastUsedIdx + ahead));
        Barrier.Full();
        return HasUsed();
    }
}
