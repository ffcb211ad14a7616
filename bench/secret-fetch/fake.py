import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    def _send(self):
        body=json.dumps({"ARN":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:jwt-AbCdEf","Name":"jwt","SecretString":"a-shared-secret-of-more-than-32-bytes!","VersionId":"v1"}).encode()
        self.send_response(200); self.send_header("Content-Type","application/x-amz-json-1.1"); self.send_header("Content-Length",str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self): self._send()
    def do_POST(self):
        n=int(self.headers.get("Content-Length","0")); self.rfile.read(n); self._send()
    def log_message(self,*a): pass
http.server.ThreadingHTTPServer(("127.0.0.1",int(sys.argv[1])),H).serve_forever()
