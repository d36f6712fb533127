using Signalering.Functions.Features.Notifications;
using Signalering.Functions.Features.Status;

namespace Signalering.Functions.Web;

/// <summary>
/// The script of every resident page (ResidentLayout), an enhancement only — without it every page works:
/// <list type="bullet">
/// <item>"my reports": the phone's codes are kept both in the cookie (<see cref="PhoneReports"/>) and in
/// localStorage, each restoring the other;</item>
/// <item>the offline outbox, page side: registers the service worker (<see cref="ServiceWorkerScript"/>), offers the
/// form <c>sigOutbox(formData, url, saved, failed)</c> to keep a report it could not send, asks the worker to send
/// what waits whenever a page opens, and says honestly what is so: "saved on this phone, not sent yet", "sent, your
/// code is …", or that a report was refused;</item>
/// <item>news from a push while the page is open;</item>
/// <item>read aloud: a button that reads the page's questions and texts with the phone's own voice for the page's
/// language, shown only when the phone has such a voice.</item>
/// </list>
/// </summary>
public static class ResidentScript
{
    public static readonly string Js = """
(function(){
var d=document,n=navigator,lang=d.documentElement.lang,C='
""" + PhoneReports.Cookie + """
';
function cookieCodes(){var m=d.cookie.match(new RegExp('(?:^|; )'+C+'=([^;]*)'));return m&&m[1]?m[1].split('.'):[]}
function remember(codes){try{var all=[];codes.concat(cookieCodes(),JSON.parse(localStorage.getItem(C)||'[]')).forEach(function(c){if(/^[0-9A-Z]{10}$/.test(c)&&all.indexOf(c)<0)all.push(c)});all=all.slice(0,
""" + PhoneReports.MaxKept + """
);localStorage.setItem(C,JSON.stringify(all));if(cookieCodes().join('.')!==all.join('.')){d.cookie=C+'='+all.join('.')+';path=/;max-age=31536000;samesite=lax'+(location.protocol==='https:'?';secure':'');return true}}catch(e){}return false}
if(remember([])&&location.pathname==='/m'&&!sessionStorage.getItem(C)){sessionStorage.setItem(C,'1');location.reload()}
var sp=d.getElementById('speak-page'),S=window.speechSynthesis;
if(sp&&S&&window.SpeechSynthesisUtterance){
var voice=function(){var vs=S.getVoices()||[];for(var i=0;i<vs.length;i++){var v=(vs[i].lang||'').toLowerCase().replace('_','-');if(v===lang||v.split('-')[0]===lang||(lang==='prs'&&v==='fa-af'))return vs[i]}return null};
var check=function(){sp.hidden=!voice()};check();
if(S.addEventListener)S.addEventListener('voiceschanged',check);else S.onvoiceschanged=check;
sp.addEventListener('click',function(){if(S.speaking){S.cancel();return}var t=[];d.querySelectorAll('main h1,main h2,main legend,main label,main p,main li').forEach(function(el){if(el.offsetParent!==null&&!el.closest('.about'))t.push(el.innerText)});var u=new SpeechSynthesisUtterance(t.join('. '));u.lang=lang;try{u.voice=voice()}catch(e){}S.speak(u)})}
var box=d.getElementById('phone-notice');
function say(lines){while(box.firstChild)box.removeChild(box.firstChild);lines.forEach(function(l){var p=d.createElement('p');p.appendChild(d.createTextNode(l[0]));if(l[1]){var a=d.createElement('a');a.href=l[1];a.textContent=box.dataset.open;p.appendChild(d.createTextNode(' '));p.appendChild(a)}box.appendChild(p)});box.hidden=!lines.length}
if(!('serviceWorker' in n)||!window.indexedDB||!box)return;
""" + ServiceWorkerScript.Db + """
function kick(){n.serviceWorker.ready.then(function(r){if(r.active)r.active.postMessage('flush')})}
function report(){Promise.all([tx('outbox','readonly',function(s){return s.getAll()}),tx('sent','readonly',function(s){return s.getAll()})]).then(function(r){
var lines=[],codes=[];if(r[0]&&r[0].length)lines.push([box.dataset.saved]);
var go=null;(r[1]||[]).forEach(function(e){if(e.refused)lines.push([box.dataset.refused,e.url]);else{codes.push(e.code.replace(/-/g,''));if(e.key===mine)go=e.statusUrl;lines.push([box.dataset.sent.replace('{code}',e.code),e.statusUrl])}});
if(lines.length)say(lines);remember(codes);if(go)location.href=go;
if(r[1]&&r[1].length)tx('sent','readwrite',function(s){r[1].forEach(function(e){s.delete(e.key)})})})}
var mine=null;
function offer(){window.sigOutbox=function(fd,url,saved,failed){var fields=[];fd.forEach(function(v,k){fields.push([k,v])});mine=String(fd.get('idempotencyKey'));
tx('outbox','readwrite',function(s){return s.put({key:mine,url:url,fields:fields,at:Date.now()})}).then(function(){saved();report();
n.serviceWorker.ready.then(function(r){return r.sync&&r.sync.register('outbox')}).catch(function(){});if(n.onLine)kick()},failed);return true}}
// Only a phone whose worker is active keeps reports in the outbox: without one nothing would ever send them.
n.serviceWorker.register('/sw.js').catch(function(){});n.serviceWorker.ready.then(function(){offer();kick()});
n.serviceWorker.addEventListener('message',function(e){if(e.data&&e.data.type==='outbox')report();if(e.data&&e.data.type==='news')say([[box.dataset.news,e.data.url]])});
window.addEventListener('online',kick);report();
})();
""";
}
