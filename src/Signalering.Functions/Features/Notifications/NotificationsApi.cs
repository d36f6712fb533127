namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// Telling the resident when something happens: the service worker (<c>GET /sw.js</c>), which also sends the offline
/// outbox, and Web Push subscriptions per tracking code. Thin faces over <see cref="ServiceWorkerScript"/> and the push services.
/// </summary>
public static class NotificationsApi
{
    /// <summary>
    /// The worker from the site root, so its scope is the whole site. Revalidated on every update check (no-cache):
    /// a fixed worker must reach phones at once, not after a day of caching.
    /// </summary>
    public static IResult ServiceWorker(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(ServiceWorkerScript.Js, "text/javascript; charset=utf-8");
    }
}
