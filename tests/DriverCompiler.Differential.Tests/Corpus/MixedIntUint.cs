// int with uint promotes both to long: comparisons and arithmetic do not wrap as C's would.
namespace Corpus.MixedIntUint;

public static unsafe class Program
{
    public static void Run()
    {
        int m = -1;
        uint one = 1;
        Probe.B(m < one);
        Probe.B(m > one);
        Probe.B(m == uint.MaxValue);
        Probe.I(m + one);
        Probe.I(m - one);
        Probe.I(m * one);
        uint big = 4000000000u;
        int two = 2;
        Probe.I(big * two);
        Probe.I(big + two);
        Probe.I(big - 4000000001L);
        Probe.I(big / -two);
        Probe.I(big % -3);
        int negBig = int.MinValue;
        Probe.I(negBig - big);
        Probe.B(negBig < big);
        Probe.B(uint.MaxValue > -1);
        Probe.B(one > m);
        uint z = 0;
        Probe.B(z > m);
        Probe.I(z - one);
        Probe.I((uint)(z - one));
        long lm = m;
        Probe.B(lm < big);
        byte by = 200;
        sbyte sby = -56;
        Probe.I(by + sby);
        Probe.B(by > sby);
        Probe.B((byte)sby == by);
        ushort us = 65000;
        short ss = -1;
        Probe.B(us > ss);
        Probe.I(us * ss);
    }
}
