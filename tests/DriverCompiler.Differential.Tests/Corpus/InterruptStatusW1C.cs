// Interrupt status handling: write-1-to-clear emulation, pending masks, and a dispatch loop over bits.
namespace Corpus.InterruptStatusW1C;

public static unsafe class Program
{
    static uint status;
    static uint enabled = 0x0000F00Fu;
    static int handled;

    static void WriteStatus(uint v) { status &= ~v; }

    static void Handle(int bit) { handled = handled * 33 + bit; }

    static int Service()
    {
        int count = 0;
        uint pending;
        while ((pending = status & enabled) != 0)
        {
            int bit = 0;
            while ((pending & (1u << bit)) == 0) bit++;
            Handle(bit);
            WriteStatus(1u << bit);
            count++;
        }
        return count;
    }

    public static void Run()
    {
        status = 0xFFFFFFFFu;
        Probe.I(Service());
        Probe.I(status);
        Probe.I(handled);
        status = 0x00008001u;
        Probe.I(Service());
        status = 0x00000FF0u;
        Probe.I(Service());
        Probe.I(status);
        Probe.I(handled);
    }
}
