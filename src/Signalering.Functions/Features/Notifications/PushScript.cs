namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// The status page's opt-in to "tell me when there is news" (an enhancement: without JavaScript nothing shows). It
/// offers the button only where the phone can take push — a service worker, <c>PushManager</c> (absent in iOS
/// Safari unless the site was added to the home screen), notifications not refused, and the site has a key — and
/// otherwise says the phone cannot get messages, so the resident keeps the code instead. A phone already subscribed
/// renews its subscription silently on every visit (push services rotate endpoints).
/// </summary>
public static class PushScript
{
    public const string Js = """
(function(){
var box=document.getElementById('push'),st=document.getElementById('push-state'),n=navigator;if(!box||!st)return;
function say(t){st.textContent=t;st.hidden=false;box.hidden=true}
if(!box.dataset.key||!('serviceWorker' in n)||!('PushManager' in window)||!window.Notification||Notification.permission==='denied'){say(st.dataset.unavailable);return}
function key(s){s=s.replace(/-/g,'+').replace(/_/g,'/');while(s.length%4)s+='=';var b=atob(s),a=new Uint8Array(b.length);for(var i=0;i<b.length;i++)a[i]=b.charCodeAt(i);return a}
function keep(sub){var j=sub.toJSON();j.language=box.dataset.lang;return fetch('/api/signals/'+box.dataset.code+'/push',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(j),credentials:'same-origin'}).then(function(r){if(!r.ok)throw new Error(r.status);say(st.dataset.on)})}
n.serviceWorker.ready.then(function(r){return r.pushManager.getSubscription()}).then(function(sub){if(sub&&Notification.permission==='granted')return keep(sub);box.hidden=false}).catch(function(){box.hidden=false});
document.getElementById('push-on').addEventListener('click',function(){Notification.requestPermission().then(function(p){if(p!=='granted')throw new Error(p);return n.serviceWorker.ready}).then(function(r){return r.pushManager.subscribe({userVisibleOnly:true,applicationServerKey:key(box.dataset.key)})}).then(keep).catch(function(){say(st.dataset.unavailable)})});
})();
""";
}
