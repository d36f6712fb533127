namespace Signalering.Functions.Web;

/// <summary>Where a staff page sends someone who is not signed in: the one sign-in page, and back here afterwards.</summary>
public static class StaffAccess
{
    public static IResult SignIn(HttpContext http) =>
        Results.Redirect("/aanmelden?terug=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
}
