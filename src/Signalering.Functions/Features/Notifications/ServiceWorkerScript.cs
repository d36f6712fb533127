namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// The site's service worker (<c>GET /sw.js</c>, scope <c>/</c>). It does two things a closed page cannot:
/// <list type="bullet">
/// <item>the offline outbox: a report the form could not send is kept in IndexedDB (store <c>outbox</c>, keyed by
/// its idempotency key) and sent from here — on Background Sync where the browser has it, otherwise when any page
/// of the site opens again and asks (<c>postMessage('flush')</c>). One send at a time, each with the report's own
/// idempotency key, so a resend after a lost answer is the same signal, never a second one. A sent report moves to
/// store <c>sent</c> with its code until a page has shown "sent, your code is …"; a refused one (4xx) too, marked
/// refused, so the page can say so;</item>
/// <item>Web Push: a push shows "there is news about your report" in the resident's language (never the text) and
/// opens the status page when tapped; an open page is told too.</item>
/// </list>
/// No caching of pages: a status must never be served stale.
/// </summary>
public static class ServiceWorkerScript
{
    /// <summary>The IndexedDB helper the worker and the pages share (<c>tx(store, mode, fn)</c> resolves with fn's request result).</summary>
    public const string Db = """
function db(){return new Promise(function(ok,no){var r=indexedDB.open('signalering',1);r.onupgradeneeded=function(){r.result.createObjectStore('outbox',{keyPath:'key'});r.result.createObjectStore('sent',{keyPath:'key'})};r.onsuccess=function(){ok(r.result)};r.onerror=function(){no(r.error)}})}
function tx(store,mode,fn){return db().then(function(d){return new Promise(function(ok,no){var t=d.transaction(store,mode),q=fn(t.objectStore(store));t.oncomplete=function(){d.close();ok(q&&q.result)};t.onerror=t.onabort=function(){d.close();no(t.error)}})})}
""";

    public const string Js = Db + """
var busy=null;
function tell(m){return self.clients.matchAll({includeUncontrolled:true,type:'window'}).then(function(cs){cs.forEach(function(c){c.postMessage(m)})})}
function keep(it,entry){return tx('sent','readwrite',function(s){return s.put(entry)}).then(function(){return tx('outbox','readwrite',function(s){return s.delete(it.key)})}).then(function(){return tell({type:'outbox'})})}
function sendOne(it){var fd=new FormData();it.fields.forEach(function(f){fd.append(f[0],f[1])});
return fetch(it.url,{method:'POST',body:fd,headers:{Accept:'application/json'},credentials:'same-origin'}).then(function(r){
if(r.ok)return r.json().then(function(j){return keep(it,{key:it.key,code:j.trackingCode,statusUrl:j.statusUrl})});
if(r.status>=500||r.status===429||r.status===408)throw new Error('later');
return keep(it,{key:it.key,refused:true,url:it.url})})}
function flush(){if(busy)return busy;
busy=tx('outbox','readonly',function(s){return s.getAll()}).then(function(items){return (items||[]).reduce(function(p,it){return p.then(function(){return sendOne(it)})},Promise.resolve())})
.then(function(){busy=null},function(e){busy=null;throw e});return busy}
self.addEventListener('install',function(){self.skipWaiting()});
self.addEventListener('activate',function(e){e.waitUntil(self.clients.claim())});
self.addEventListener('sync',function(e){if(e.tag==='outbox')e.waitUntil(flush())});
self.addEventListener('message',function(e){if(e.data==='flush')e.waitUntil(flush().catch(function(){}))});
self.addEventListener('push',function(e){var m={};try{m=e.data.json()}catch(x){}
e.waitUntil(Promise.all([self.registration.showNotification(m.title||'',{lang:m.lang,dir:m.dir||'auto',data:{url:m.url},tag:m.url}).catch(function(){}),tell({type:'news',url:m.url})]))});
self.addEventListener('notificationclick',function(e){e.notification.close();var u=e.notification.data&&e.notification.data.url;e.waitUntil(self.clients.openWindow(u&&u.charAt(0)==='/'?u:'/s'))});
""";
}
