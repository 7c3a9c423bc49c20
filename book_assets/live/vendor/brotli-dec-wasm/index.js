"use strict";import n,*as t from"./pkg/brotli_dec_wasm.js";let i=null;function e(){return i||(i=n().then(()=>t)),i}export default e();
