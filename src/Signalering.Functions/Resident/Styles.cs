namespace Signalering.Functions.Resident;

/// <summary>
/// The one stylesheet of the resident pages, inlined in each page: a cheap phone on a poor connection gets the
/// whole page in one response. Logical properties (margin-inline, text-align: start) make right-to-left layouts work
/// from the page's dir attribute alone. Colours meet WCAG AA contrast; tap targets are at least 48 px.
/// </summary>
internal static class Styles
{
    public const string Css = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Ethiopic","Noto Naskh Arabic",sans-serif;color:#1a1a1a;background:#f6f6f3}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:#0b4f8a}
.tiles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.75rem}
.tile{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.4rem;min-height:7rem;padding:.75rem;border:2px solid #0b4f8a;border-radius:12px;background:#fff;color:#0b4f8a;text-decoration:none;text-align:center;font-weight:600}
.tile:focus,.tile:hover{background:#e6f0fa;outline:3px solid #1a1a1a;outline-offset:2px}
.tile.urgent{border-color:#a4000f;color:#a4000f}
.langs .tile{min-height:3.5rem;font-size:1.15rem}
.back{display:inline-block;min-height:48px;padding:.6rem 0;margin-bottom:.25rem}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
.help{display:block;font-weight:400;color:#444;font-size:.95rem}
textarea,input[type=text],input[type=tel],input[type=email]{width:100%;font:inherit;padding:.7rem;border:2px solid #555;border-radius:8px;background:#fff;color:#1a1a1a}
textarea{min-height:8rem}
input[type=file]{font:inherit;max-width:100%}
.check{display:flex;gap:.6rem;align-items:flex-start;font-weight:600;margin:.8rem 0}
.check input{width:1.6rem;height:1.6rem;flex:none;margin:0}
button,.button{display:inline-block;min-height:52px;width:100%;padding:.8rem 1.2rem;border:0;border-radius:10px;background:#0b4f8a;color:#fff;font:inherit;font-weight:700;text-align:center;text-decoration:none;cursor:pointer;margin-top:1rem}
button.secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
button:focus,.button:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.emergency{border:3px solid #a4000f;background:#fff0f0;border-radius:12px;padding:.8rem 1rem;margin:1rem 0;color:#5c0009}
.emergency strong{display:block;font-size:1.2rem}
.emergency a{color:#a4000f;font-weight:700;font-size:1.3rem;display:inline-flex;align-items:center;justify-content:center;min-width:3.5rem;min-height:48px;padding:0 .6rem;border:2px solid #a4000f;border-radius:10px;background:#fff;text-decoration:none}
.errors{border:3px solid #a4000f;background:#fff;border-radius:12px;padding:.5rem 1rem;margin:1rem 0}
.ask{border:2px solid #0b4f8a;border-radius:12px;padding:.5rem .9rem .9rem;margin:1rem 0;background:#fff}
.ask legend{font-weight:700;padding:0 .3rem;display:flex;gap:.5rem;align-items:flex-start}
.ask legend svg{flex:none}
.yn{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin-top:.4rem}
.yn label{display:flex;align-items:center;gap:.5rem;min-height:52px;margin:0;padding:.4rem .8rem;border:2px solid #555;border-radius:10px}
.yn input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.field-error{color:#a4000f;font-weight:600;margin:.3rem 0 0}
.notice{border-inline-start:6px solid #0b4f8a;background:#fff;padding:.6rem 1rem;margin:1rem 0}
.about{margin-top:2rem;padding:1rem;background:#fff;border-radius:12px;font-size:.95rem}
.about p{margin:.35rem 0;display:flex;gap:.5rem;align-items:flex-start}
.about svg{flex:none}
.code{font:700 clamp(1.5rem,8vw,2.2rem)/1.2 ui-monospace,"DejaVu Sans Mono",monospace;letter-spacing:.08em;white-space:nowrap;background:#fff;border:3px dashed #1a1a1a;border-radius:12px;padding:1rem;text-align:center;margin:.5rem 0 1rem;direction:ltr;unicode-bidi:isolate}
.status{font-size:1.3rem;font-weight:700}
ol.history{padding-inline-start:1.2rem}
ol.history li{margin:.4rem 0}
time{color:#444;font-size:.9rem;display:block}
.label{display:inline-block;font-size:.85rem;background:#eee;border-radius:4px;padding:0 .4rem}
.status-qr{margin:0 0 1rem;text-align:center}
.status-qr svg{width:9rem;height:9rem}
.status-qr figcaption{font-size:.95rem}
#speak{width:auto;min-height:48px;margin-top:.5rem;display:inline-flex;align-items:center;gap:.4rem}
[hidden]{display:none!important}
""";
}
