using Signalering.Domain.Clocks;

namespace Signalering.Domain.Tests.Clocks;

/// <summary>The clock tests' moments, written as a Dutch clock shows them (CET +1 in winter, CEST +2 in summer), in UTC.</summary>
internal static class DutchTime
{
    public static DateTimeOffset Nl(int y, int mo, int d, int h, int mi = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, mo, d, h, mi, 0), WorkingTime.DutchZone), TimeSpan.Zero);
}
