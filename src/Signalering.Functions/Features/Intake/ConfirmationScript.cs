namespace Signalering.Functions.Features.Intake;

/// <summary>
/// The confirmation page's only JavaScript, an enhancement: a "copy" button where the browser may write to the
/// clipboard (a secure page), and a "share" button where the phone has a share sheet (to send the code to oneself in
/// a chat). Without it the code is still selected whole with one long press (CSS user-select: all) and the QR code
/// and the written-down code keep it.
/// </summary>
internal static class ConfirmationScript
{
    public const string Js = """
(function(){
var k=document.getElementById('keep');if(!k)return;
var code=k.getAttribute('data-code'),msg=document.getElementById('copied'),c=document.getElementById('copy'),s=document.getElementById('share');
if(navigator.clipboard&&window.isSecureContext){c.hidden=false;c.addEventListener('click',function(){navigator.clipboard.writeText(code).then(function(){msg.textContent=msg.getAttribute('data-text');msg.hidden=false},function(){})})}
if(navigator.share){s.hidden=false;s.addEventListener('click',function(){navigator.share({text:code,url:s.getAttribute('data-url')}).catch(function(){})})}
k.hidden=c.hidden&&s.hidden;
})();
""";
}
