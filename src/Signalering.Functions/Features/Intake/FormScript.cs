namespace Signalering.Functions.Features.Intake;

/// <summary>
/// The report form's only JavaScript, an enhancement: without it the form posts normally. With it:
/// <list type="bullet">
/// <item>the text and contact fields are kept as a draft in localStorage (a dropped connection or a closed tab does
/// not lose a report) and restored on return;</item>
/// <item>the submission goes by fetch; when the network fails, or the server answers 5xx, it is kept and sent again
/// when the phone is back online (and every 15–60 s), with the same idempotency key, so the server creates one
/// signal however often it is sent; where the phone has a service worker, the report goes to the offline outbox
/// instead (ResidentScript's <c>sigOutbox</c>), which survives closing the page;</item>
/// <item>once sent, it goes to the confirmation page, as the plain post does;</item>
/// <item>a 4xx falls back to the normal post, so the server renders the errors in the resident's language;</item>
/// <item>where the browser offers speech recognition, a "Speak" button next to the text field dictates into it in
/// the page's language (for residents who cannot write well; the keyboard's own microphone works everywhere).</item>
/// </list>
/// </summary>
internal static class FormScript
{
    public const string Js = """
(function(){
var f=document.getElementById('report');if(!f||!window.fetch||!window.FormData)return;
var key='signalering-draft:'+location.pathname,st=document.getElementById('state'),btn=f.querySelector('button[type=submit]');
var fields=['text','phone','email','dangerNow','aboutStaff'];
function save(){try{var d={};fields.forEach(function(n){var e=f.elements[n];if(e)d[n]=e.value});d.contactConsent=!!(f.elements.contactConsent&&f.elements.contactConsent.checked);localStorage.setItem(key,JSON.stringify(d))}catch(e){}}
try{var d=JSON.parse(localStorage.getItem(key)||'null');if(d){var any=false;fields.forEach(function(n){var e=f.elements[n];if(e&&d[n]&&!e.value){e.value=d[n];any=true}});if(d.contactConsent&&f.elements.contactConsent)f.elements.contactConsent.checked=true;if(any)show(st.dataset.restored)}}catch(e){}
f.addEventListener('input',save);f.addEventListener('change',save);
function show(t){st.textContent=t;st.hidden=!t}
var pending=null,wait=15000,timer=null;
function send(){if(!pending)return;btn.disabled=true;show(st.dataset.sending);
fetch(f.action,{method:'POST',body:pending,headers:{'Accept':'application/json'},credentials:'same-origin'}).then(function(r){
if(r.ok)return r.json().then(function(j){pending=null;try{localStorage.removeItem(key)}catch(e){}location.href=j.confirmationUrl});
if(r.status<500){pending=null;f.submit();return}
throw new Error('server')}).catch(function(){btn.disabled=false;
if(!(window.sigOutbox&&sigOutbox(pending,f.action,function(){pending=null;f.reset();try{localStorage.removeItem(key)}catch(e){}show('')},later)))later()})}
function later(){show(st.dataset.offline);clearTimeout(timer);timer=setTimeout(send,wait);wait=Math.min(wait*2,60000)}
window.addEventListener('online',function(){wait=15000;send()});
var SR=window.SpeechRecognition||window.webkitSpeechRecognition,mic=document.getElementById('speak'),ta=f.elements.text;
if(SR&&mic&&ta){mic.hidden=false;mic.addEventListener('click',function(){var r=new SR();r.lang=document.documentElement.lang;r.onresult=function(e){ta.value=(ta.value?ta.value+' ':'')+e.results[0][0].transcript;save()};try{r.start()}catch(e){}})}
f.addEventListener('submit',function(ev){ev.preventDefault();save();if(!pending)pending=new FormData(f);send()});
})();
""";
}
