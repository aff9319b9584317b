// The widget's whole stylesheet, applied inside its Shadow DOM: the shop's CSS cannot reach our
// elements and ours cannot reach the shop's. Inherited properties (font, colour) still flow into a
// shadow tree from the host element, so the host resets everything with `all: initial !important`
// (inside a shadow tree an !important rule beats the page's !important) and every element below
// sets its own font and colour.

export const CSS = `
:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483000!important;display:block!important}
:host([data-mode=inline]){width:100%!important;height:100%!important}
*,*::before,*::after{box-sizing:border-box;margin:0;padding:0;border:0;font:inherit;color:inherit;letter-spacing:normal;text-transform:none;text-align:inherit;line-height:inherit}
[hidden]{display:none!important}
.kf{--kf-bg:#fff;--kf-fg:#111827;--kf-muted:#6b7280;--kf-surface:#f3f4f6;--kf-border:#e5e7eb;--kf-danger:#b91c1c;
font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--kf-fg);text-align:left;-webkit-font-smoothing:antialiased;-webkit-tap-highlight-color:transparent}
.kf[data-theme=dark]{--kf-bg:#18191c;--kf-fg:#f3f4f6;--kf-muted:#a1a1aa;--kf-surface:#27282c;--kf-border:#34353a;--kf-danger:#f87171}
@media (prefers-color-scheme:dark){.kf[data-theme=auto]{--kf-bg:#18191c;--kf-fg:#f3f4f6;--kf-muted:#a1a1aa;--kf-surface:#27282c;--kf-border:#34353a;--kf-danger:#f87171}}
button{cursor:pointer;background:none;display:inline-flex;align-items:center;justify-content:center}
button:focus-visible,textarea:focus-visible{outline:2px solid var(--kf-accent);outline-offset:2px}
svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;flex:none}
.kf-launcher{position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;background:var(--kf-accent);color:var(--kf-on-accent);box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s}
.kf-launcher:hover{transform:scale(1.06)}
.kf-launcher svg{width:26px;height:26px}
.kf-launcher svg+svg,.kf[data-open] .kf-launcher svg:first-child{display:none}
.kf[data-open] .kf-launcher svg+svg{display:block}
.kf[data-position=left] .kf-launcher{right:auto;left:20px}
.kf-badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:600;line-height:20px;text-align:center}
.kf-panel{position:fixed;bottom:88px;right:20px;width:376px;height:min(640px,calc(100vh - 108px));display:flex;flex-direction:column;background:var(--kf-bg);border:1px solid var(--kf-border);border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.2);overflow:hidden;animation:kf-in .14s ease-out}
.kf[data-position=left] .kf-panel{right:auto;left:20px}
@keyframes kf-in{from{opacity:.4;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){.kf-panel{animation:none}.kf-launcher{transition:none}}
@media (max-width:639px){.kf-panel{inset:0;width:100%;height:100%;border:0;border-radius:0}.kf[data-open] .kf-launcher{display:none}.kf-composer{padding-bottom:max(12px,env(safe-area-inset-bottom))}}
.kf[data-mode=inline] .kf-panel{inset:0;width:100%;height:100%;border:0;border-radius:0;box-shadow:none;animation:none}
.kf-header{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px;background:var(--kf-accent);color:var(--kf-on-accent);flex:none}
.kf-avatar{width:36px;height:36px;border-radius:50%;background:rgba(255,255,255,.22);display:flex;align-items:center;justify-content:center;font-weight:600;flex:none}
.kf-heading{flex:1;min-width:0}
.kf-title{font-size:16px;font-weight:600;line-height:1.3;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kf-subtitle{font-size:12px;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kf-close{width:40px;height:40px;border-radius:8px;color:var(--kf-on-accent)}
.kf-close:hover{background:rgba(255,255,255,.16)}
.kf[data-mode=inline] .kf-close{display:none}
.kf-banner{padding:8px 16px;font-size:13px;background:var(--kf-surface);color:var(--kf-fg);border-bottom:1px solid var(--kf-border);flex:none}
.kf-log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;display:flex;flex-direction:column;gap:10px;background:var(--kf-bg)}
.kf-msg{display:flex;flex-direction:column;align-items:flex-start;max-width:85%}
.kf-msg.kf-me{align-self:flex-end;align-items:flex-end}
.kf-name{font-size:12px;color:var(--kf-muted);margin:0 4px 2px}
.kf-bubble{padding:8px 12px;border-radius:14px 14px 14px 4px;background:var(--kf-surface);white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.kf-me .kf-bubble{background:var(--kf-accent);color:var(--kf-on-accent);border-radius:14px 14px 4px 14px}
.kf-msg[data-state=sending] .kf-bubble{opacity:.7}
.kf-meta{font-size:12px;color:var(--kf-muted);margin:2px 4px 0;display:flex;gap:6px;align-items:center}
.kf-msg[data-state=failed] .kf-meta{color:var(--kf-danger)}
.kf-retry{color:var(--kf-danger);text-decoration:underline;font-size:12px;padding:2px}
.kf-system{align-self:center;max-width:90%;text-align:center;font-size:12px;color:var(--kf-muted);white-space:pre-wrap;overflow-wrap:anywhere}
.kf-note{align-self:center;font-size:12px;color:var(--kf-muted)}
.kf-typing{display:flex;gap:4px;padding:12px 14px;border-radius:14px 14px 14px 4px;background:var(--kf-surface);align-self:flex-start}
.kf-typing span{width:6px;height:6px;border-radius:50%;background:var(--kf-muted);animation:kf-dot 1.2s infinite}
.kf-typing span:nth-child(2){animation-delay:.15s}.kf-typing span:nth-child(3){animation-delay:.3s}
@keyframes kf-dot{0%,60%,100%{opacity:.3;transform:none}30%{opacity:1;transform:translateY(-3px)}}
@media (prefers-reduced-motion:reduce){.kf-typing span{animation:none;opacity:.6}}
.kf-rating{align-self:stretch;border:1px solid var(--kf-border);border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:8px;background:var(--kf-bg)}
.kf-rating-title{font-weight:600;text-align:center}
.kf-stars{display:flex;justify-content:center;gap:4px}
.kf-star{width:40px;height:40px;border-radius:8px;color:var(--kf-muted)}
.kf-star svg{width:28px;height:28px}
.kf-star[data-on] {color:#f59e0b}
.kf-star[data-on] svg{fill:currentColor}
.kf-rating textarea{width:100%;min-height:56px;resize:vertical;border:1px solid var(--kf-border);border-radius:8px;padding:6px 8px;background:var(--kf-bg);color:var(--kf-fg);font-size:13px}
.kf-primary{align-self:center;padding:8px 16px;border-radius:8px;background:var(--kf-accent);color:var(--kf-on-accent);font-weight:600}
.kf-primary:disabled{opacity:.5;cursor:default}
.kf-error{font-size:12px;color:var(--kf-danger);text-align:center}
.kf-actions{display:flex;justify-content:center;padding:6px 12px 0;flex:none}
.kf-handoff{padding:4px 12px;border:1px solid var(--kf-border);border-radius:999px;font-size:13px;color:var(--kf-fg);background:var(--kf-bg)}
.kf-handoff:hover{background:var(--kf-surface)}
.kf-composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px 12px;flex:none;border-top:1px solid var(--kf-border);margin-top:6px;background:var(--kf-bg)}
.kf-composer textarea{flex:1;min-height:40px;max-height:120px;resize:none;border:1px solid var(--kf-border);border-radius:10px;padding:9px 12px;background:var(--kf-bg);color:var(--kf-fg);font-size:16px;line-height:1.35}
@media (min-width:640px){.kf-composer textarea{font-size:14px}}
.kf-composer textarea::placeholder{color:var(--kf-muted)}
.kf-send{width:40px;height:40px;border-radius:10px;background:var(--kf-accent);color:var(--kf-on-accent)}
.kf-send:disabled{opacity:.45;cursor:default}
.kf-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
