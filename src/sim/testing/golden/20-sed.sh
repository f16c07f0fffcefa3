# sed, case by case. 20-sed.out is not the simulator's: it is what GNU sed 4.9 under bash printed
# for these same lines (Debian 12); keep it that way, and add cases with real sed's output.
printf 'alpha banana\nbeta 42\n\ngamma.delta\ndelta aaa\nepsilon 7 and 8' > in.txt
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\nstatus: {}\n' > in.yaml
echo '### sed '\''s/a/X/'\'' in.txt'
sed 's/a/X/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/X/g'\'' in.txt'
sed 's/a/X/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/X/2'\'' in.txt'
sed 's/a/X/2' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/X/2g'\'' in.txt'
sed 's/a/X/2g' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''s/b/B/p'\'' in.txt'
sed -n 's/b/B/p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''2p'\'' in.txt'
sed -n '2p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''$p'\'' in.txt'
sed -n '$p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2,3d'\'' in.txt'
sed '2,3d' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''/beta/,/delta/d'\'' in.txt'
sed '/beta/,/delta/d' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''/beta/,+1p'\'' in.txt'
sed -n '/beta/,+1p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''0,/a/p'\'' in.txt'
sed -n '0,/a/p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''1~2p'\'' in.txt'
sed -n '1~2p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2!d'\'' in.txt'
sed '2!d' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''/a/!p'\'' in.txt'
sed -n '/a/!p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/\(al\)\(pha\)/\2\1/'\'' in.txt'
sed 's/\(al\)\(pha\)/\2\1/' in.txt 2>&1; echo "[status $?]"
echo '### sed -E '\''s/(al)(pha)/\2\1/'\'' in.txt'
sed -E 's/(al)(pha)/\2\1/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/.*/[&]/'\'' in.txt'
sed 's/.*/[&]/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a*/-/g'\'' in.txt'
sed 's/a*/-/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/x*/-/g'\'' in.txt'
sed 's/x*/-/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/[aeiou]/\U&/g'\'' in.txt'
sed 's/[aeiou]/\U&/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/\w\+/\u&/g'\'' in.txt'
sed 's/\w\+/\u&/g' in.txt 2>&1; echo "[status $?]"
echo '### sed -E '\''s/(\w+)/\U\1\E!/'\'' in.txt'
sed -E 's/(\w+)/\U\1\E!/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''y/abc/ABC/'\'' in.txt'
sed 'y/abc/ABC/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2a after two'\'' in.txt'
sed '2a after two' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2i before two'\'' in.txt'
sed '2i before two' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2,3c replaced'\'' in.txt'
sed '2,3c replaced' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''$a the end'\'' in.txt'
sed '$a the end' in.txt 2>&1; echo "[status $?]"
echo '### sed = in.txt'
sed = in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''$='\'' in.txt'
sed -n '$=' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''n;d'\'' in.txt'
sed 'n;d' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''$!N;s/\n/ /'\'' in.txt'
sed '$!N;s/\n/ /' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''h;n;G;p'\'' in.txt'
sed -n 'h;n;G;p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''1!G;h;$!d'\'' in.txt'
sed '1!G;h;$!d' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''3q'\'' in.txt'
sed '3q' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''3Q'\'' in.txt'
sed '3Q' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2q5'\'' in.txt'
sed '2q5' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''/gamma/{s/g/G/;p}'\'' in.txt'
sed -n '/gamma/{s/g/G/;p}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''/beta/{n;d}'\'' in.txt'
sed '/beta/{n;d}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\'':a;s/a//;ta'\'' in.txt'
sed ':a;s/a//;ta' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/A/;T;s/$/ !/'\'' in.txt'
sed 's/a/A/;T;s/$/ !/' in.txt 2>&1; echo "[status $?]"
echo '### sed -e '\''s/a/1/'\'' -e '\''s/b/2/'\'' in.txt'
sed -e 's/a/1/' -e 's/b/2/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s|a|/|g'\'' in.txt'
sed 's|a|/|g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s,a,\,,g'\'' in.txt'
sed 's,a,\,,g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''/^$/d'\'' in.txt'
sed '/^$/d' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/b'\'' in.txt'
sed 's/a/b' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''k'\'' in.txt'
sed 'k' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''y/ab/x/'\'' in.txt'
sed 'y/ab/x/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/b/z'\'' in.txt'
sed 's/a/b/z' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2,'\'' in.txt'
sed '2,' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''0p'\'' in.txt'
sed '0p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''{p'\'' in.txt'
sed '{p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''p}'\'' in.txt'
sed 'p}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''b nolabel'\'' in.txt'
sed 'b nolabel' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s//x/'\'' in.txt'
sed 's//x/' in.txt 2>&1; echo "[status $?]"
echo '### sed p nofile.txt'
sed p nofile.txt 2>&1; echo "[status $?]"
echo '### sed -n p in.txt nofile.txt'
sed -n p in.txt nofile.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''$p'\'' in.txt in.txt'
sed -n '$p' in.txt in.txt 2>&1; echo "[status $?]"
echo '### sed -s -n '\''$p'\'' in.txt in.txt'
sed -s -n '$p' in.txt in.txt 2>&1; echo "[status $?]"
echo '### sed '\''p;p'\'' in.txt'
sed 'p;p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''1d;$d'\'' in.txt'
sed '1d;$d' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''2{p;q}'\'' in.txt'
sed -n '2{p;q}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a/\n/'\'' in.txt'
sed 's/a/\n/' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/\./!/g'\'' in.txt'
sed 's/\./!/g' in.txt 2>&1; echo "[status $?]"
echo '### sed -E '\''s/a|e/_/g'\'' in.txt'
sed -E 's/a|e/_/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/a\|e/_/g'\'' in.txt'
sed 's/a\|e/_/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/[[:digit:]]\+/N/g'\'' in.txt'
sed 's/[[:digit:]]\+/N/g' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/^/> /'\'' in.txt'
sed 's/^/> /' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''2 s/a/Z/'\'' in.txt'
sed '2 s/a/Z/' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''/alpha/,/gamma/{/beta/p}'\'' in.txt'
sed -n '/alpha/,/gamma/{/beta/p}' in.txt 2>&1; echo "[status $?]"
echo '### sed -n -e '\''2{'\'' -e '\''p'\'' -e '\''}'\'' in.txt'
sed -n -e '2{' -e 'p' -e '}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/A/x/I'\'' in.txt'
sed 's/A/x/I' in.txt 2>&1; echo "[status $?]"
printf 'one a\ntwo a\nthree a\n' > in2.txt
echo '### sed '\''/ALPHA/Id'\'' in.txt'
sed '/ALPHA/Id' in.txt 2>&1; echo "[status $?]"
echo '### sed -i '\''s/a/A/'\'' in2.txt; cat in2.txt'
sed -i 's/a/A/' in2.txt; cat in2.txt 2>&1; echo "[status $?]"
echo '### sed -i.bak '\''1d'\'' in2.txt; cat in2.txt in2.txt.bak'
sed -i.bak '1d' in2.txt; cat in2.txt in2.txt.bak 2>&1; echo "[status $?]"
echo '### sed -ie '\''$d'\'' in2.txt; ls -1 in2.txt in2.txt.bak in2.txte; cat in2.txt'
sed -ie '$d' in2.txt; ls -1 in2.txt in2.txt.bak in2.txte; cat in2.txt 2>&1; echo "[status $?]"
echo '### sed --in-place=.orig -n '\''1p'\'' in2.txt; cat in2.txt in2.txt.orig'
sed --in-place=.orig -n '1p' in2.txt; cat in2.txt in2.txt.orig 2>&1; echo "[status $?]"
echo '### sed -i p'
sed -i p 2>&1; echo "[status $?]"
echo '### sed --help | head -3'
sed --help | head -3 2>&1; echo "[status $?]"
echo '### sed --version | head -1'
sed --version | head -1 2>&1; echo "[status $?]"
echo '### sed'
sed 2>&1; echo "[status $?]"
echo '### sed -k p in.txt'
sed -k p in.txt 2>&1; echo "[status $?]"
echo '### sed --foo p in.txt'
sed --foo p in.txt 2>&1; echo "[status $?]"
echo '### sed -e'
sed -e 2>&1; echo "[status $?]"
echo '### sed -n '\''/^spec:/,/^[^ ]/p'\'' in.yaml'
sed -n '/^spec:/,/^[^ ]/p' in.yaml 2>&1; echo "[status $?]"
echo '### sed '\''s/nginx:1.25/nginx:1.27/'\'' in.yaml'
sed 's/nginx:1.25/nginx:1.27/' in.yaml 2>&1; echo "[status $?]"
echo '### sed '\''/image:/!d'\'' in.yaml'
sed '/image:/!d' in.yaml 2>&1; echo "[status $?]"
echo '### sed -n '\''/containers/,$p'\'' in.yaml'
sed -n '/containers/,$p' in.yaml 2>&1; echo "[status $?]"
echo '### sed '\''2,4!c gone'\'' in.txt'
sed '2,4!c gone' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''2,1p'\'' in.txt'
sed -n '2,1p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''/beta/,1p'\'' in.txt'
sed -n '/beta/,1p' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''$!{$!p}'\'' in.txt'
sed -n '$!{$!p}' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''1~3d'\'' in.txt'
sed '1~3d' in.txt 2>&1; echo "[status $?]"
echo '### sed -n '\''2,~4p'\'' in.txt'
sed -n '2,~4p' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''s/[[:space:]]\+/ /g;s/^ //'\'' in.txt'
sed 's/[[:space:]]\+/ /g;s/^ //' in.txt 2>&1; echo "[status $?]"
echo '### cat in.txt | sed -n '\''/a/='\'''
cat in.txt | sed -n '/a/=' 2>&1; echo "[status $?]"
echo '### sed -n '\''l'\'' in.txt'
sed -n 'l' in.txt 2>&1; echo "[status $?]"
echo '### sed '\''r other'\'' in.txt'
sed 'r other' in.txt 2>&1; echo "[status $?]"
