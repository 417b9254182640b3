// Nested structs: sizes, field access through two levels, copying inner structs in and out.
namespace Corpus.StructNested;

public struct Point { public short X; public short Y; }
public struct Rect { public Point TopLeft; public Point BottomRight; public byte Color; }
public struct Scene { public uint Id; public Rect Frame; public Rect Clip; public long Stamp; }

public static unsafe class Program
{
    static int Area(Rect r) => (r.BottomRight.X - r.TopLeft.X) * (r.BottomRight.Y - r.TopLeft.Y);

    public static void Run()
    {
        Probe.I(sizeof(Point));
        Probe.I(sizeof(Rect));
        Probe.I(sizeof(Scene));
        Scene s = default;
        s.Id = 0xFFFFFFFFu;
        s.Frame.TopLeft.X = -10;
        s.Frame.TopLeft.Y = -20;
        s.Frame.BottomRight.X = 30;
        s.Frame.BottomRight.Y = 40;
        s.Frame.Color = 200;
        s.Clip = s.Frame;
        s.Clip.BottomRight.X = 0;
        s.Stamp = -1;
        Probe.I(Area(s.Frame));
        Probe.I(Area(s.Clip));
        Point p = s.Frame.BottomRight;
        p.X++;
        Probe.I(p.X);
        Probe.I(s.Frame.BottomRight.X);
        Probe.I(s.Clip.Color);
        Probe.I(s.Id);
        Probe.I(s.Stamp);
        Probe.I((byte*)&s.Clip - (byte*)&s);
        Probe.I((byte*)&s.Stamp - (byte*)&s);
    }
}
