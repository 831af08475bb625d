#!/bin/sh
# Makes the sample role-play clip: a 6-second title card (320×180, 12 fps,
# no sound) drawn by ffmpeg (Debian's), in two encodings the page offers as
# two <source>s: VP8 WebM (plays in Debian's Chromium, Firefox, Android) and
# H.264 MP4 baseline (plays on old iPhones and in Safari). The poster is the
# first second's frame. Run from this folder: sh make-clip.sh
set -eu
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
src="color=c=0x1f4e79:s=320x180:r=12:d=6"
draw="drawbox=x='20+t*40':y=120:w=60:h=30:color=0xf2c14e:t=fill,\
drawbox=x=0:y=0:w=320:h=6:color=0xf2c14e:t=fill,\
drawtext=fontfile=$font:text='ROLE-PLAY':fontcolor=white:fontsize=28:x=(w-tw)/2:y=40,\
drawtext=fontfile=$font:text='1 / 2':fontcolor=0xf2c14e:fontsize=18:x=(w-tw)/2:y=85:enable='lt(t,3)',\
drawtext=fontfile=$font:text='2 / 2':fontcolor=0xf2c14e:fontsize=18:x=(w-tw)/2:y=85:enable='gte(t,3)'"
ffmpeg -v error -y -f lavfi -i "$src" -vf "$draw" -c:v libvpx -b:v 60k -an role-play.webm
ffmpeg -v error -y -f lavfi -i "$src" -vf "$draw,format=yuv420p" -c:v libx264 -profile:v baseline \
  -crf 32 -movflags +faststart -an role-play.mp4
ffmpeg -v error -y -i role-play.webm -ss 1 -frames:v 1 -q:v 6 role-play.jpg
