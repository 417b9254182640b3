// Polling loops with countdowns, as a driver waits for a device: success, timeout, and exact counts.
namespace Corpus.TimeoutPolling;

public static unsafe class Program
{
    static int readyAfter;
    static int polls;

    static bool DeviceReady() { polls++; return polls >= readyAfter; }

    static int Wait(int timeout)
    {
        polls = 0;
        while (timeout-- > 0)
        {
            if (DeviceReady()) return timeout;
        }
        return -1;
    }

    static uint WaitBusy(uint loops)
    {
        uint n = loops;
        do { if (DeviceReady()) break; } while (--n != 0);
        return n;
    }

    public static void Run()
    {
        readyAfter = 5; Probe.I(Wait(10)); Probe.I(polls);
        readyAfter = 50; Probe.I(Wait(10)); Probe.I(polls);
        readyAfter = 10; Probe.I(Wait(10)); Probe.I(polls);
        polls = 0; readyAfter = 3; Probe.I(WaitBusy(100));
        polls = 0; readyAfter = 1000; Probe.I(WaitBusy(100));
        polls = 0; readyAfter = 1000; Probe.I(WaitBusy(1));
    }
}
