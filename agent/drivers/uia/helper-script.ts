/**
 * The Windows PowerShell 5.1 helper, shipped as a string so the single-executable bundle carries it; the
 * driver writes it next to the agent's data and runs it with -File. It only does mechanics (list
 * windows, dump a UI subtree, click, paste, press keys) and knows no WeChat layout: every selector
 * arrives in the request, and all parsing happens in TypeScript. NOT RUN ON WINDOWS YET (docs/agent.md).
 * Keep it free of backticks and dollar-brace sequences: it lives in a JavaScript template literal.
 */
export const UIA_HELPER_PS1 = String.raw`
# Kefu agent UIA helper: newline-delimited JSON requests on stdin, one JSON answer per line on stdout.
$ErrorActionPreference = 'Stop'
[Console]::InputEncoding = New-Object System.Text.UTF8Encoding($false)
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
Add-Type -AssemblyName UIAutomationClient, UIAutomationTypes, System.Windows.Forms, System.Drawing
Add-Type -TypeDefinition @"
using System; using System.Text; using System.Collections.Generic; using System.Runtime.InteropServices;
public static class KefuWin32 {
  public delegate bool EnumProc(IntPtr h, IntPtr l);
  [StructLayout(LayoutKind.Sequential)] public struct RECT { public int Left, Top, Right, Bottom; }
  [DllImport("user32.dll")] public static extern bool EnumWindows(EnumProc cb, IntPtr l);
  [DllImport("user32.dll", CharSet=CharSet.Unicode)] public static extern int GetClassName(IntPtr h, StringBuilder s, int n);
  [DllImport("user32.dll", CharSet=CharSet.Unicode)] public static extern int GetWindowText(IntPtr h, StringBuilder s, int n);
  [DllImport("user32.dll")] public static extern bool IsWindowVisible(IntPtr h);
  [DllImport("user32.dll")] public static extern bool IsIconic(IntPtr h);
  [DllImport("user32.dll")] public static extern uint GetWindowThreadProcessId(IntPtr h, out uint pid);
  [DllImport("user32.dll")] public static extern bool GetWindowRect(IntPtr h, out RECT r);
  [DllImport("user32.dll")] public static extern bool SetForegroundWindow(IntPtr h);
  [DllImport("user32.dll")] public static extern bool ShowWindow(IntPtr h, int cmd);
  [DllImport("user32.dll")] public static extern IntPtr OpenInputDesktop(uint f, bool inherit, uint access);
  [DllImport("user32.dll")] public static extern bool SwitchDesktop(IntPtr d);
  [DllImport("user32.dll")] public static extern bool CloseDesktop(IntPtr d);
  [DllImport("user32.dll")] public static extern bool SetCursorPos(int x, int y);
  [DllImport("user32.dll")] public static extern void mouse_event(uint f, uint x, uint y, uint d, UIntPtr e);
  public static List<IntPtr> TopWindows() { var l = new List<IntPtr>(); EnumWindows((h, p) => { l.Add(h); return true; }, IntPtr.Zero); return l; }
  // The input desktop cannot be switched to while the workstation is locked (or UAC's secure desktop shows).
  public static bool IsLocked() { IntPtr d = OpenInputDesktop(0, false, 0x0100); if (d == IntPtr.Zero) return true; bool ok = SwitchDesktop(d); CloseDesktop(d); return !ok; }
  public static void Click(int x, int y) { SetCursorPos(x, y); mouse_event(0x0002, 0, 0, 0, UIntPtr.Zero); mouse_event(0x0004, 0, 0, 0, UIntPtr.Zero); }
}
"@
$UIA = [System.Windows.Automation.AutomationElement]

function Get-WechatProcesses($names) { @(Get-Process -ErrorAction SilentlyContinue | Where-Object { $names -contains $_.ProcessName }) }

function Get-TopWindows($procs) {
  $ids = @($procs | ForEach-Object { $_.Id })
  $list = New-Object System.Collections.ArrayList
  foreach ($h in [KefuWin32]::TopWindows()) {
    $procId = [uint32]0
    [void][KefuWin32]::GetWindowThreadProcessId($h, [ref]$procId)
    if ($ids -notcontains [int]$procId) { continue }
    $cls = New-Object System.Text.StringBuilder 256; [void][KefuWin32]::GetClassName($h, $cls, 256)
    $txt = New-Object System.Text.StringBuilder 512; [void][KefuWin32]::GetWindowText($h, $txt, 512)
    $r = New-Object KefuWin32+RECT; [void][KefuWin32]::GetWindowRect($h, [ref]$r)
    $owner = ($procs | Where-Object { $_.Id -eq [int]$procId } | Select-Object -First 1).ProcessName
    [void]$list.Add([ordered]@{ handle = [int64]$h; className = $cls.ToString(); name = $txt.ToString(); processName = $owner;
      visible = [KefuWin32]::IsWindowVisible($h); minimized = [KefuWin32]::IsIconic($h);
      rect = @($r.Left, $r.Top, ($r.Right - $r.Left), ($r.Bottom - $r.Top)) })
  }
  ,$list
}

# Self bubbles are green in WeChat (#95EC69); 4.x exposes no avatar, so look for that colour in the right half.
function Get-BubbleSide($r) {
  $w = [int]$r.Width; $h = [int]$r.Height
  if ($w -le 0 -or $h -le 0 -or $w -gt 4000 -or $h -gt 2000) { return $null }
  $bmp = New-Object System.Drawing.Bitmap $w, $h
  $g = [System.Drawing.Graphics]::FromImage($bmp); $g.CopyFromScreen([int]$r.X, [int]$r.Y, 0, 0, $bmp.Size); $g.Dispose()
  $side = 'left'
  for ($x = [int]($w / 2); $x -lt $w -and $side -eq 'left'; $x += 4) {
    for ($y = 0; $y -lt $h; $y += 4) {
      $p = $bmp.GetPixel($x, $y)
      if ([math]::Abs($p.R - 0x95) -lt 14 -and [math]::Abs($p.G - 0xEC) -lt 14 -and [math]::Abs($p.B - 0x69) -lt 14) { $side = 'right'; break }
    }
  }
  $bmp.Dispose(); $side
}

function ConvertTo-Node($el, $budget, $probeClass) {
  $c = $el.Cached; $r = $c.BoundingRectangle
  $rect = if ($r.IsEmpty -or [double]::IsInfinity($r.Width)) { @(0, 0, 0, 0) } else { @([int]$r.X, [int]$r.Y, [int]$r.Width, [int]$r.Height) }
  $node = [ordered]@{ controlType = ($c.ControlType.ProgrammaticName -replace '^ControlType\.', ''); className = $c.ClassName;
    name = $c.Name; automationId = $c.AutomationId; runtimeId = (($el.GetCachedPropertyValue($UIA::RuntimeIdProperty)) -join '.');
    rect = $rect; children = (New-Object System.Collections.ArrayList) }
  if ($probeClass -and $c.ClassName -like ('*' + $probeClass + '*')) { $node.direction = Get-BubbleSide $r }
  $budget.count++
  foreach ($child in $el.CachedChildren) {
    if ($budget.count -ge $budget.max) { break }
    [void]$node.children.Add((ConvertTo-Node $child $budget $probeClass))
  }
  $node
}

function Find-MainWindow($classes) {
  foreach ($cls in $classes) {
    $cond = New-Object System.Windows.Automation.PropertyCondition($UIA::ClassNameProperty, $cls)
    $el = $UIA::RootElement.FindFirst([System.Windows.Automation.TreeScope]::Children, $cond)
    if ($el) { return $el }
  }
  throw 'WeChat main window not found'
}

function Find-Element($root, $match) {
  $conds = New-Object System.Collections.ArrayList
  if ($match.className) { [void]$conds.Add((New-Object System.Windows.Automation.PropertyCondition($UIA::ClassNameProperty, $match.className))) }
  if ($match.automationId) { [void]$conds.Add((New-Object System.Windows.Automation.PropertyCondition($UIA::AutomationIdProperty, $match.automationId))) }
  if ($match.name) { [void]$conds.Add((New-Object System.Windows.Automation.PropertyCondition($UIA::NameProperty, $match.name))) }
  if ($match.controlType) {
    $type = [System.Windows.Automation.ControlType]::$($match.controlType)
    [void]$conds.Add((New-Object System.Windows.Automation.PropertyCondition($UIA::ControlTypeProperty, $type)))
  }
  $cond = if ($conds.Count -eq 1) { $conds[0] } else { New-Object System.Windows.Automation.AndCondition($conds.ToArray()) }
  $root.FindFirst([System.Windows.Automation.TreeScope]::Descendants, $cond)
}

function Invoke-Snapshot($req) {
  $procs = Get-WechatProcesses $req.processNames
  $first = $procs | Select-Object -First 1
  $version = $null
  if ($first) { try { $version = $first.MainModule.FileVersionInfo.ProductVersion } catch { } }
  $tree = $null
  $locked = [KefuWin32]::IsLocked()
  if ($first -and -not $locked) {
    try {
      $main = Find-MainWindow $req.mainWindowClasses
      $cr = New-Object System.Windows.Automation.CacheRequest
      $cr.TreeScope = [System.Windows.Automation.TreeScope]::Subtree
      foreach ($p in @($UIA::NameProperty, $UIA::ClassNameProperty, $UIA::AutomationIdProperty, $UIA::ControlTypeProperty, $UIA::BoundingRectangleProperty, $UIA::RuntimeIdProperty)) { $cr.Add($p) }
      $scope = $cr.Activate()
      try { $cached = $main.GetUpdatedCache($cr) } finally { $scope.Dispose() }
      $tree = ConvertTo-Node $cached @{ count = 0; max = [int]$req.maxNodes } $req.probeClass
    } catch { $tree = $null }
  }
  [ordered]@{ wechat = [ordered]@{ running = [bool]$first; processName = $(if ($first) { $first.ProcessName } else { $null }); version = $version };
    sessionLocked = $locked; windows = (Get-TopWindows $procs); tree = $tree }
}

function Show-Main($req) {
  $main = Find-MainWindow $req.mainWindowClasses
  $h = [IntPtr]$main.Current.NativeWindowHandle
  [void][KefuWin32]::ShowWindow($h, 9); [void][KefuWin32]::SetForegroundWindow($h)
  $main
}

function Invoke-FocusChat($req) {
  $main = Show-Main $req
  $item = Find-Element $main @{ controlType = 'ListItem'; name = $req.name }
  if ($item) {
    $r = $item.Current.BoundingRectangle
    [KefuWin32]::Click([int]($r.X + $r.Width / 2), [int]($r.Y + $r.Height / 2))
  } else {
    # Not in the visible session list: use WeChat's search (Ctrl+F), paste the name, open the first hit.
    [System.Windows.Forms.SendKeys]::SendWait('^f'); Start-Sleep -Milliseconds 300
    [System.Windows.Forms.Clipboard]::SetText([string]$req.name)
    [System.Windows.Forms.SendKeys]::SendWait('^v'); Start-Sleep -Milliseconds 900
    [System.Windows.Forms.SendKeys]::SendWait('{ENTER}')
  }
  Start-Sleep -Milliseconds 400
  $true
}

function Invoke-TypeText($req) {
  $main = Show-Main $req
  $box = Find-Element $main $req.input
  if (-not $box) { throw 'message input box not found' }
  $box.SetFocus()
  # Paste rather than type: SendKeys mangles CJK text and braces, and pasting is what people do too.
  [System.Windows.Forms.Clipboard]::SetText([string]$req.text)
  [System.Windows.Forms.SendKeys]::SendWait('^v'); Start-Sleep -Milliseconds 150
  $true
}

function Invoke-ReadInput($req) {
  $main = Find-MainWindow $req.mainWindowClasses
  $box = Find-Element $main $req.input
  if (-not $box) { throw 'message input box not found' }
  $value = $box.GetCurrentPattern([System.Windows.Automation.ValuePattern]::Pattern)
  [string]$value.Current.Value
}

while ($null -ne ($line = [Console]::In.ReadLine())) {
  $req = $null
  try {
    $req = $line | ConvertFrom-Json
    $result = switch ($req.cmd) {
      'ping' { [ordered]@{ psVersion = $PSVersionTable.PSVersion.ToString(); language = $ExecutionContext.SessionState.LanguageMode.ToString() } }
      'snapshot' { Invoke-Snapshot $req }
      'focusChat' { Invoke-FocusChat $req }
      'typeText' { Invoke-TypeText $req }
      'readInput' { Invoke-ReadInput $req }
      'pressEnter' { [System.Windows.Forms.SendKeys]::SendWait('{ENTER}'); $true }
      default { throw ('unknown command ' + $req.cmd) }
    }
    $answer = [ordered]@{ id = $req.id; ok = $true; result = $result }
  } catch {
    $answer = [ordered]@{ id = $(if ($req) { $req.id } else { $null }); ok = $false; error = $_.Exception.Message }
  }
  [Console]::Out.WriteLine(($answer | ConvertTo-Json -Depth 100 -Compress))
  [Console]::Out.Flush()
}
`;
