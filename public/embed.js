/* Pipeline Wall embed helper: sizes each Pipeline Wall iframe to its content, growing and
   shrinking. The embed posts { type: "pipeline-wall:resize", height }; a message is trusted only
   if it comes from that very iframe's window and from the origin of the iframe's src.
   Usage: <iframe src="https://wall.example.com/embed/pipeline?token=…" style="width:100%;border:0"></iframe>
          <script src="https://wall.example.com/embed.js" async></script> */
(function () {
  'use strict';
  if (window.__pipelineWallEmbed) return;
  window.__pipelineWallEmbed = true;

  var MAX_HEIGHT = 20000;

  function frameFor(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function originOf(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'pipeline-wall:resize') return;
    var frame = frameFor(event.source);
    if (!frame || originOf(frame.src) !== event.origin) return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0) return;
    frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
    if (!frame.style.border && !frame.hasAttribute('frameborder')) frame.style.border = '0';
  });
})();
