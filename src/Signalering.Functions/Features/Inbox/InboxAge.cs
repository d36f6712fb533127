using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Inbox;

/// <summary>How long a signal has been waiting, as a coordinator says it: minutes, hours, or days and hours (calendar time, not working time).</summary>
public static class InboxAge
{
    public static string Text(TimeSpan age)
    {
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        string N(double n) => ((int)n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return age.TotalHours < 1 ? StaffTexts.T("inbox.age.minutes", ("minutes", N(age.TotalMinutes)))
            : age.TotalDays < 1 ? StaffTexts.T("inbox.age.hours", ("hours", N(age.TotalHours)))
            : StaffTexts.T("inbox.age.days", ("days", N(age.TotalDays)), ("hours", N(age.Hours)));
    }
}
